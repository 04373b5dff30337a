package app.domus.finance.payments;

import app.domus.shared.config.Env;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * The gateway's secrets, SecureString SSM parameters named by {@code PAYMENT_GATEWAY_SECRET_KEY_PARAMETER} and
 * {@code PAYMENT_WEBHOOK_SECRET_PARAMETER} (never in the template). Read through Powertools parameters and kept five
 * minutes: a rotated key reaches warm functions soon, without an SSM call per request. The SSM client is built on the
 * first read, so a cold start that never reaches the gateway does not pay for it.
 */
public class GatewaySecrets {
    static final int KEPT_MINUTES = 5;

    private final Supplier<String> secretKey;
    private final Supplier<String> webhookSecret;

    public GatewaySecrets(Supplier<String> secretKey, Supplier<String> webhookSecret) {
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
    }

    /** From SSM, by the parameter names in the function's environment. */
    public static GatewaySecrets fromSsm(SdkHttpClient http) {
        LazyProvider ssm = new LazyProvider(http);
        return new GatewaySecrets(() -> ssm.get(Env.required("PAYMENT_GATEWAY_SECRET_KEY_PARAMETER")),
                () -> ssm.get(Env.required("PAYMENT_WEBHOOK_SECRET_PARAMETER")));
    }

    public String secretKey() {
        return secretKey.get();
    }

    public String webhookSecret() {
        return webhookSecret.get();
    }

    private static final class LazyProvider {
        private final SdkHttpClient http;
        private SSMProvider provider;

        LazyProvider(SdkHttpClient http) {
            this.http = http;
        }

        synchronized String get(String name) {
            if (provider == null) provider = SSMProvider.builder().withClient(SsmClient.builder().httpClient(http).overrideConfiguration(app.domus.shared.aws.AwsModule.overrides()).build()).build();
            return provider.withDecryption().withMaxAge(KEPT_MINUTES, ChronoUnit.MINUTES).get(name);
        }
    }
}
