package app.domus.rentals.stays;

import app.domus.shared.aws.AwsModule;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The partners' secrets and the access codes' key: Secrets Manager secrets read through Powertools, kept five minutes
 * so that a rotated secret is picked up without a cold start. The client is built on the first read, so a function
 * that reads none does not pay for it.
 */
final class SecureParameters {
    static final int KEPT_MINUTES = 5;

    private final SdkHttpClient http;
    private SecretsProvider provider;

    SecureParameters(SdkHttpClient http) {
        this.http = http;
    }

    synchronized String get(String secretName) {
        if (provider == null) {
            provider = SecretsProvider.builder().withClient(SecretsManagerClient.builder().httpClient(http)
                    .overrideConfiguration(AwsModule.overrides()).build()).build();
        }
        return provider.withMaxAge(KEPT_MINUTES, ChronoUnit.MINUTES).get(secretName);
    }
}
