package app.domus.realtime.auth;

import java.time.temporal.ChronoUnit;
import app.domus.shared.config.Env;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * The access token check of the WebSocket authorizer. Its keys come from the SecureString SSM parameter named
 * by {@code SIGNING_KEYS_PARAMETER}, read through Powertools parameters (cached for its default five minutes,
 * so a rotation reaches warm functions) exactly as the identity functions read them to sign. Without the
 * parameter, issuer or audience the function fails rather than admit anyone.
 */
@Module
public final class TokenKeysModule {
    /**
     * How long the keys are kept before SSM is asked again: Powertools' default is five seconds, which would put an SSM
     * call on the hot path of a busy function; five minutes still brings a rotation to warm functions soon.
     */
    static final int KEYS_KEPT_MINUTES = 5;

    private TokenKeysModule() {}

    @Provides @Singleton
    static AccessTokenVerifier accessTokens(SdkHttpClient http, Clock clock) {
        String parameter = Env.required("SIGNING_KEYS_PARAMETER");
        SSMProvider ssm = SSMProvider.builder().withClient(SsmClient.builder().httpClient(http).build()).build();
        return new AccessTokenVerifier(new PublishedKeys(() -> ssm.withDecryption().withMaxAge(KEYS_KEPT_MINUTES, ChronoUnit.MINUTES).get(parameter)),
                Env.required("JWT_ISSUER"), Env.required("JWT_AUDIENCE"), clock);
    }
}
