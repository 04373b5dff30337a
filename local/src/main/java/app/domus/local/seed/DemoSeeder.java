package app.domus.local.seed;

/**
 * Creates demo data on a data directory's first start. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/app.domus.local.seed.DemoSeeder}) and run in {@link #order()}, after every
 * emulator, gateway and function is up, so a seeder may write tables directly, call platform code, or use the HTTP API.
 */
public interface DemoSeeder {

    void seed(SeedContext context) throws Exception;

    /** Seeders run from the lowest order up; those with equal order by class name. */
    default int order() {
        return 0;
    }
}
