package app.domus.identity.oauth;

import app.domus.identity.identities.Provider;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.lambda.powertools.parameters.ssm.SSMProvider;

/**
 * The providers' client secrets: one Secrets Manager secret (named by {@code OAUTH_CLIENT_SECRETS}) holding JSON
 * {@code {"google": "...", "apple": "...", "facebook": "..."}}, read through Parameter Store's reference to Secrets
 * Manager ({@code /aws/reference/secretsmanager/<name>}, so the functions need only the SSM client they have already),
 * kept five minutes. Never in the template, the environment or a log.
 */
public class ClientSecrets {
    private final Supplier<String> json;

    ClientSecrets(Supplier<String> json) {
        this.json = json;
    }

    static ClientSecrets fromEnv(SdkHttpClient http) {
        String name = Env.orDefault("OAUTH_CLIENT_SECRETS", "");
        if (name.isBlank()) return new ClientSecrets(() -> "{}");
        SSMProvider[] provider = new SSMProvider[1];
        return new ClientSecrets(() -> {
            synchronized (provider) {
                if (provider[0] == null) provider[0] = SSMProvider.builder().withClient(SsmClient.builder().httpClient(http).build()).build();
            }
            return provider[0].withDecryption().withMaxAge(5, ChronoUnit.MINUTES).get("/aws/reference/secretsmanager/" + name);
        });
    }

    public String of(Provider provider) {
        JsonNode secrets = Json.tree(json.get());
        String secret = secrets.path(provider.wire()).asText("");
        if (secret.isEmpty()) throw new IllegalStateException("No client secret for " + provider.wire());
        return secret;
    }
}
