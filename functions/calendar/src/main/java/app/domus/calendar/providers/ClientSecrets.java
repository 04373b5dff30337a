package app.domus.calendar.providers;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.json.Json;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * The calendar providers' OAuth client secrets: one Secrets Manager secret (its name in {@code CALENDAR_CLIENT_SECRETS})
 * holding JSON {@code {"google": ..., "outlook": ...}}, read through Powertools and kept five minutes, so a rotated
 * secret is picked up without a cold start. Read on the first token exchange or refresh, never at start.
 */
public final class ClientSecrets {
    static final int KEPT_MINUTES = 5;

    private final SdkHttpClient http;
    private final String secretName;
    private SecretsProvider provider;

    public ClientSecrets(SdkHttpClient http, String secretName) {
        this.http = http;
        this.secretName = secretName;
    }

    public synchronized String clientSecret(String provider) {
        if (this.provider == null) {
            this.provider = SecretsProvider.builder().withClient(SecretsManagerClient.builder().httpClient(http)
                    .overrideConfiguration(AwsModule.overrides()).build()).build();
        }
        String secret = Json.tree(this.provider.withMaxAge(KEPT_MINUTES, ChronoUnit.MINUTES).get(secretName)).path(provider).asText("");
        if (secret.isBlank()) throw new IllegalStateException("The secret " + secretName + " has no client secret for " + provider);
        return secret;
    }
}
