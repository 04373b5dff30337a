package app.domus.identity.oauth;

import app.domus.identity.identities.ProviderIdentities;
import app.domus.identity.keys.KeysModule;
import app.domus.identity.login.MfaChallenges;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.verification.EmailVerification;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Wiring of the two OAuth sign-in functions, which run from their own zip (identity-oauth-lambda.zip, with the OAuth SDK
 * and without the password and OTP libraries): nothing here reaches the password hasher, MFA codes or the notifier.
 */
@Singleton
@Component(modules = {AwsModule.class, KeysModule.class, OAuthComponent.OAuthModule.class})
public interface OAuthComponent {
    OAuthSignIn signIn();

    static OAuthComponent create() {
        return DaggerOAuthComponent.create();
    }

    @Module
    final class OAuthModule {
        private OAuthModule() {}

        @Provides @Singleton
        static OAuthSettings settings() {
            return OAuthSettings.fromEnv();
        }

        @Provides @Singleton
        static ProviderClient providers(OAuthSettings settings, SdkHttpClient http) {
            return new NimbusProviderClient(settings, ClientSecrets.fromEnv(http));
        }

        @Provides @Singleton
        static OAuthSignIn signIn(DomusTable table, ProviderClient providers, ProviderIdentities identities, SessionService sessions,
                                  MfaChallenges challenges, EmailVerification verification, OAuthSettings settings,
                                  RateLimiter rateLimiter, Clock clock) {
            return new OAuthSignIn(table, providers, identities, sessions, challenges, verification, settings, rateLimiter, clock);
        }
    }
}
