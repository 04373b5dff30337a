package app.domus.identity.oauth;

import app.domus.identity.identities.Provider;
import app.domus.shared.config.Env;
import java.util.Locale;
import java.util.Optional;

/**
 * The OAuth sign-in's configuration, from the function's environment (template parameters): per provider its client id
 * ({@code OAUTH_<PROVIDER>_CLIENT_ID}; empty: the provider is not offered) and where it is (Google and Apple: the
 * issuer, {@code OAUTH_<PROVIDER>_ISSUER}, whose discovery document names the endpoints; Facebook: its dialog, token and
 * Graph URLs); our callback ({@code JWT_ISSUER} + {@code /auth/oauth/callback}, the public base URL) and the app the
 * sign-in returns to ({@code APP_URL}, the only redirect target). The client secrets are not here: see {@link ClientSecrets}.
 */
public record OAuthSettings(String publicBaseUrl, String appUrl) {
    public static final String CALLBACK_PATH = "/auth/oauth/callback";

    public static OAuthSettings fromEnv() {
        return new OAuthSettings(Env.orDefault("JWT_ISSUER", "http://127.0.0.1:3000"), Env.orDefault("APP_URL", "http://127.0.0.1:3000/_local/app"));
    }

    public String callbackUrl() {
        return publicBaseUrl + CALLBACK_PATH;
    }

    public static Optional<String> clientId(Provider provider) {
        return env(provider, "CLIENT_ID");
    }

    public static Optional<String> env(Provider provider, String name) {
        return Env.optional("OAUTH_" + provider.name() + "_" + name.toUpperCase(Locale.ROOT)).filter(v -> !v.isBlank());
    }
}
