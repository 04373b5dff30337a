package app.domus.local.partners.stripe;

import app.domus.local.partners.InjectedFaults;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The payment gateway's double: Stripe's REST API (payment intents, confirmation with test cards, charges, refunds)
 * under {@code /v1/}, signed webhooks with Stripe's retries to the platform's endpoint, and test controls under
 * {@code /_double/}. stripe-java talks to it unchanged once its API base is this double's base URL.
 */
public final class StripeDouble implements PartnerDouble {
    public static final String NAME = "stripe";
    /** Template parameter: the API base URL the platform's Stripe client is given. */
    public static final String BASE_URL_PARAMETER = "PaymentGatewayBaseUrl";

    private final StripeDoubleSettings settings;
    private HttpServer server;
    private ExecutorService threads;
    private WebhookDeliveries webhooks;
    private StripeKeys keys;
    private String baseUrl;

    /** As {@link java.util.ServiceLoader} makes it for the local cloud: keys kept in its data directory, retries after 1, 2 and 4 s. */
    public StripeDouble() {
        this(StripeDoubleSettings.defaults());
    }

    public StripeDouble(StripeDoubleSettings settings) {
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
        Clock clock = Clock.systemUTC();
        keys = StripeKeys.loadOrCreate(context.dataDirectory(), settings);
        baseUrl = context.baseUrl();
        webhooks = new WebhookDeliveries(new WebhookSigner(keys.webhookSecret()), settings, clock);
        PaymentLedger ledger = new PaymentLedger(webhooks::send, clock);
        InjectedFaults faults = context.injectedFaults(name());
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        server.createContext("/v1/", new StripeApi(keys.secretKey(), ledger, faults));
        server.createContext("/_double", new DoubleControls(keys, baseUrl, ledger, webhooks, faults));
        server.start();
        return Map.of(BASE_URL_PARAMETER, baseUrl);
    }

    /** The API key the double accepts ({@code sk_test_...}). */
    public String secretKey() {
        return started().secretKey();
    }

    /** The webhook endpoint's signing secret ({@code whsec_...}). */
    public String webhookSecret() {
        return started().webhookSecret();
    }

    public String baseUrl() {
        started();
        return baseUrl;
    }

    /** Where events are POSTed; until it is set, they are recorded as undeliverable. */
    public void webhookEndpoint(String url) {
        started();
        webhooks.endpoint(url);
    }

    /** Every webhook delivery attempt so far, oldest first. */
    public List<WebhookDelivery> deliveries() {
        started();
        return webhooks.attempts();
    }

    private StripeKeys started() {
        if (keys == null) throw new IllegalStateException("The Stripe double has not been started");
        return keys;
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (webhooks != null) webhooks.close();
        if (threads != null) threads.shutdownNow();
    }
}
