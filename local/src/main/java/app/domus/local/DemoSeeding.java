package app.domus.local;

import app.domus.local.runtime.Functions;
import app.domus.local.seed.DemoData;
import app.domus.local.seed.DemoSeeder;
import app.domus.local.seed.SeedContext;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Runs the demo seeders on a data directory's first start and records that they ran, so later starts keep the data. */
final class DemoSeeding {
    private final Deployment deployment;
    private final Functions functions;
    private final DemoData demoData;
    private final DataDirectory data;

    DemoSeeding(Deployment deployment, Functions functions, DemoData demoData, DataDirectory data) {
        this.deployment = deployment;
        this.functions = functions;
        this.demoData = demoData;
        this.data = data;
    }

    void run() throws Exception {
        List<DemoSeeder> seeders = ServiceLoader.load(DemoSeeder.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(DemoSeeder::order).thenComparing(seeder -> seeder.getClass().getName()))
                .toList();
        if (seeders.isEmpty()) {
            System.out.println("[local-cloud] no demo seeders on the classpath; starting without demo data");
            return;
        }
        SeedContext context = new SeedContext(deployment, functions, demoData);
        for (DemoSeeder seeder : seeders) {
            seeder.seed(context);
        }
        demoData.save(data.demoData());
        data.markSeeded();
    }
}
