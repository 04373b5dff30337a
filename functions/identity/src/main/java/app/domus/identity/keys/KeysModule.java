package app.domus.identity.keys;

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
 * (Powertools parameters, cached for its default five minutes so a rotation reaches warm functions), or a
 * key generated in memory when no parameter is configured.
 */
@Module
public final class KeysModule {
    @Provides @Singleton
    static SigningKeys signingKeys(SdkHttpClient http) {
        return Env.optional("SIGNING_KEYS_PARAMETER")
                .<SigningKeys>map(name -> {
                    SSMProvider ssm = SSMProvider.builder().withClient(SsmClient.builder().httpClient(http).build()).build();
                    return new KeySetSigningKeys(() -> ssm.withDecryption().getValue(name));
                })
                .orElseGet(() -> {
                    LoggerFactory.getLogger(KeysModule.class).warn("No SIGNING_KEYS_PARAMETER: signing with a generated key");
                    return KeySetSigningKeys.generated();
                });
    }
}
