package app.domus.local.partners.oidc;

import app.domus.local.partners.InjectedFaults;
import app.domus.local.partners.PartnerDouble;
import app.domus.local.partners.PartnerDoubleContext;
import app.domus.local.template.Template;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sign-in providers' double: Google and Apple as OpenID Connect providers (discovery, authorisation with a login page,
 * token, JWKS) under {@code /google} and {@code /apple}, Facebook's dialog, token endpoint and Graph {@code /me} under
 * {@code /facebook}, a page that stands for the app the sign-in returns to ({@code /app/oauth/complete}), and test
 * controls under {@code /_double/} (injected faults, tampered ID tokens). See {@link OidcApi} and {@link OidcControls}.
 */
public final class OidcDouble implements PartnerDouble {
    public static final String NAME = "oidc";
    /** Template parameters the double points at itself. */
    public static final String GOOGLE_ISSUER = "OAuthGoogleIssuer";
    public static final String APPLE_ISSUER = "OAuthAppleIssuer";
    public static final String FACEBOOK_AUTHORIZE_URL = "OAuthFacebookAuthorizeUrl";
    public static final String FACEBOOK_TOKEN_URL = "OAuthFacebookTokenUrl";
    public static final String FACEBOOK_GRAPH_URL = "OAuthFacebookGraphUrl";
    /** Template parameter naming the Secrets Manager secret with the client secrets ({@link OidcPlatformWiring} fills it). */
    public static final String CLIENT_SECRETS_PARAMETER = "OAuthClientSecretsName";
    public static final String APP_URL = "AppUrl";

    private HttpServer server;
    private ExecutorService threads;
    private OidcProviders providers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean neededBy(Template template) {
        return template.parameters().containsKey(GOOGLE_ISSUER);
    }

    @Override
    public Map<String, String> start(PartnerDoubleContext context) throws Exception {
        String base = context.baseUrl();
        providers = new OidcProviders(base, Clock.systemUTC());
        InjectedFaults faults = context.injectedFaults(name());
        threads = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", context.port()), 64);
        server.setExecutor(threads);
        OidcApi api = new OidcApi(providers, faults);
        for (String provider : OidcProviders.PROVIDERS) server.createContext("/" + provider + "/", api);
        server.createContext("/app/", api);
        server.createContext("/_double", new OidcControls(providers, faults));
        server.start();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(GOOGLE_ISSUER, providers.issuer("google"));
        overrides.put(APPLE_ISSUER, providers.issuer("apple"));
        overrides.put(FACEBOOK_AUTHORIZE_URL, base + "/facebook/dialog/oauth");
        overrides.put(FACEBOOK_TOKEN_URL, base + "/facebook/oauth/access_token");
        overrides.put(FACEBOOK_GRAPH_URL, base + "/facebook");
        overrides.put(APP_URL, base + "/app");
        for (String provider : OidcProviders.PROVIDERS) {
            overrides.put("OAuth" + Character.toUpperCase(provider.charAt(0)) + provider.substring(1) + "ClientId", providers.client(provider).clientId());
        }
        return overrides;
    }

    public OidcProviders providers() {
        if (providers == null) throw new IllegalStateException("The OpenID provider double has not been started");
        return providers;
    }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (threads != null) threads.shutdownNow();
    }
}
