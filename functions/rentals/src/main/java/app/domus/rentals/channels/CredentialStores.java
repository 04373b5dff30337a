package app.domus.rentals.channels;

import app.domus.shared.aws.AwsModule;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The channels' credential store: Secrets Manager. Only ConnectChannel and SyncChannel build it; its client on first use. */
public final class CredentialStores {
    private CredentialStores() {}

    public static ChannelCredentials fromEnvironment(SdkHttpClient http) {
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
