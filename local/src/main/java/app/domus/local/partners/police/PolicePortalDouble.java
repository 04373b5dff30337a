package app.domus.local.partners.police;

import app.domus.local.partners.InjectedFaults;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The police guest-registration portal's double: Spain's SES.HOSPEDAJES web service (SOAP, asynchronous lots), its
 * checks of a registration's form at once and of its data when the lot is processed, and test controls under
 * {@code /_double/}.
 */
public final class PolicePortalDouble implements PartnerDouble {
    public static final String NAME = "police-portal";
    /** Template parameter: the portal's base URL the rentals functions are given. */
    public static final String BASE_URL_PARAMETER = "PolicePortalBaseUrl";
    /** Template parameter naming the Secrets Manager secret with the web-service credentials (JSON). */
    public static final String CREDENTIALS_SECRET = "PolicePortalCredentialsSecret";

    private final PolicePortalDoubleSettings settings;
    private HttpServer server;
    private ExecutorService threads;
    private ScheduledExecutorService scheduler;
    private Map<String, String> credentials;
    private String baseUrl;

    public PolicePortalDouble() {
        this(PolicePortalDoubleSettings.defaults());
    }

    public PolicePortalDouble(PolicePortalDoubleSettings settings) {
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
        String user = settings.user() != null ? settings.user() : settings.landlordCode() + "WS";
        String password = settings.password() != null ? settings.password() : "Ws" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        credentials = new LinkedHashMap<>();
        credentials.put("user", user);
        credentials.put("password", password);
        credentials.put("landlordCode", settings.landlordCode());
        baseUrl = context.baseUrl();
        RegistrationLedger ledger = new RegistrationLedger(Clock.systemUTC());
        InjectedFaults faults = context.injectedFaults(name());
        threads = Executors.newVirtualThreadPerTaskExecutor();
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/hospedajes-web/", new SesSoapApi(user, password, settings.landlordCode(), ledger, faults, settings.processingDelay(), scheduler));
        server.createContext("/_double", new PoliceControls(Map.copyOf(credentials), baseUrl, ledger, faults));
        server.start();
        return Map.of(BASE_URL_PARAMETER, baseUrl);
    }

    /** {@code user}, {@code password}, {@code landlordCode}. */
    public Map<String, String> credentials() {
        if (credentials == null) throw new IllegalStateException("The police portal double has not been started");
        return Map.copyOf(credentials);
    }

    public String baseUrl() {
        credentials();
        return baseUrl;
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (scheduler != null) scheduler.shutdownNow();
        if (threads != null) threads.shutdownNow();
    }
}
