package app.domus.local.partners.locks;

import app.domus.local.partners.InjectedFaults;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The smart-lock cloud's double: the Nuki Web API's smartlock, auth and action endpoints at its root, two seeded locks,
 * operations applied asynchronously (never to an offline lock), and test controls under {@code /_double/}.
 */
public final class SmartLockDouble implements PartnerDouble {
    public static final String NAME = "smart-lock";
    /** Template parameter: the smart-lock API's base URL the rentals functions are given. */
    public static final String BASE_URL_PARAMETER = "SmartLockApiBaseUrl";
    /** Template parameter naming the Secrets Manager secret with the API token. */
    public static final String TOKEN_SECRET = "SmartLockApiTokenSecret";

    private final SmartLockDoubleSettings settings;
    private HttpServer server;
    private ExecutorService threads;
    private ScheduledExecutorService scheduler;
    private String apiToken;
    private String baseUrl;

    public SmartLockDouble() {
        this(SmartLockDoubleSettings.defaults());
    }

    public SmartLockDouble(SmartLockDoubleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean neededBy(Template template) {
        return template.parameters().containsKey(BASE_URL_PARAMETER);
    }

    @Override
    public Map<String, String> start(PartnerDoubleContext context) throws Exception {
        apiToken = settings.apiToken() != null ? settings.apiToken() : HexFormat.of().formatHex(new SecureRandom().generateSeed(20));
        baseUrl = context.baseUrl();
        LockFleet fleet = new LockFleet(Clock.systemUTC());
        InjectedFaults faults = context.injectedFaults(name());
        threads = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/smartlock", new NukiApi(apiToken, fleet, faults, settings.applyDelay(), scheduler));
        server.createContext("/_double", new LockControls(apiToken, baseUrl, fleet, faults));
        server.start();
        return Map.of(BASE_URL_PARAMETER, baseUrl);
    }

    public String apiToken() {
        if (apiToken == null) throw new IllegalStateException("The smart-lock double has not been started");
        return apiToken;
    }

    public String baseUrl() {
        apiToken();
        return baseUrl;
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (scheduler != null) scheduler.shutdownNow();
        if (threads != null) threads.shutdownNow();
    }
}
