package app.domus.rentals.channels;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** {@link ChannelCredentials} as Secrets Manager secrets, one JSON object per channel; the client is built on first use. */
public class SecretsManagerChannelCredentials implements ChannelCredentials {
    private final Supplier<SecretsManagerClient> secrets;

    public SecretsManagerChannelCredentials(Supplier<SecretsManagerClient> secrets) {
        this.secrets = secrets;
    }

    @Override
    public void save(String name, Map<String, String> credentials) {
        secrets.get().createSecret(b -> b.name(name).description("Credentials of a Domus rental channel").secretString(Json.write(credentials)));
    }

    @Override
    public Map<String, String> read(String name) {
        return Json.MAPPER.convertValue(Json.tree(secrets.get().getSecretValue(b -> b.secretId(name)).secretString()),
                new TypeReference<Map<String, String>>() {});
    }
}
