package app.domus.rentals.channels;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.config.Env;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The credential store named by {@code CHANNEL_CREDENTIALS_STORE}: {@code secretsmanager} (the default) or {@code ssm}.
 * Only ConnectChannel and SyncChannel build it; the Secrets Manager client is built on first use.
 */
public final class CredentialStores {
    private CredentialStores() {}

    public static ChannelCredentials fromEnvironment(SdkHttpClient http) {
        if ("ssm".equals(Env.optional("CHANNEL_CREDENTIALS_STORE").orElse("secretsmanager"))) {
            return new ParameterStoreChannelCredentials(http);
        }
        return new SecretsManagerChannelCredentials(memo(() -> SecretsManagerClient.builder().httpClient(http)
                .overrideConfiguration(AwsModule.overrides()).build()));
    }

    private static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = make.get();
                return value;
            }
        };
    }
}
