package app.domus.identity.keys;

import java.time.temporal.ChronoUnit;
import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * Where signing keys come from: the SecureString SSM parameter named by {@code SIGNING_KEYS_PARAMETER}
 * (Powertools parameters, kept five minutes so that a rotation reaches warm functions without an SSM call per request), or a
 * key generated in memory when no parameter is configured.
 */
@Module
public final class KeysModule {
    /**
     * How long the keys are kept before SSM is asked again: Powertools' default is five seconds, which would put an SSM
     * call on the hot path of a busy function; five minutes still brings a rotation to warm functions soon.
     */
    static final int KEYS_KEPT_MINUTES = 5;

    @Provides @Singleton
    static SigningKeys signingKeys(SdkHttpClient http) {
        return Env.optional("SIGNING_KEYS_PARAMETER")
                .<SigningKeys>map(name -> {
                    // The SSM client is built on the first read of the keys: a function that never signs a token
                    // (GET /auth/me, the sessions list) does not pay for it in its cold start.
                    SsmKeys ssm = new SsmKeys(http);
                    return new KeySetSigningKeys(() -> ssm.provider().withDecryption()
                            .withMaxAge(KEYS_KEPT_MINUTES, ChronoUnit.MINUTES).get(name));
                })
                .orElseGet(() -> {
                    LoggerFactory.getLogger(KeysModule.class).warn("No SIGNING_KEYS_PARAMETER: signing with a generated key");
                    return KeySetSigningKeys.generated();
                });
    }

    /** Powertools' SSM provider, built on first use. */
    private static final class SsmKeys {
        private final SdkHttpClient http;
        private SSMProvider provider;

        SsmKeys(SdkHttpClient http) {
            this.http = http;
        }

        synchronized SSMProvider provider() {
            if (provider == null) provider = SSMProvider.builder().withClient(SsmClient.builder().httpClient(http).build()).build();
            return provider;
        }
    }
}
