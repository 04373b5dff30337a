package app.domus.listings.imports;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@link CrmCredentials} as Secrets Manager secrets, one JSON object per import ({@code domus/listings/imports/<id>}).
 * Read ones are kept for the life of the function instance (an import's credentials change only with a new import); the
 * client is built on first use.
 */
@Singleton
public class SecretsManagerCredentials implements CrmCredentials {
    private final Lazy<SecretsManagerClient> secrets;
    private final Map<String, Map<String, String>> read = new ConcurrentHashMap<>();

    @Inject
    public SecretsManagerCredentials(Lazy<SecretsManagerClient> secrets) {
        this.secrets = secrets;
    }

    @Override
    public void save(String name, Map<String, String> credentials) {
        secrets.get().createSecret(b -> b.name(name).description("CRM credentials of a Domus listing import")
                .secretString(Json.write(credentials)));
    }

    @Override
    public Map<String, String> read(String name) {
        return read.computeIfAbsent(name, n -> Json.MAPPER.convertValue(
                Json.tree(secrets.get().getSecretValue(b -> b.secretId(n)).secretString()), new TypeReference<Map<String, String>>() {}));
    }

    @Override
    public void delete(String name) {
        read.remove(name);
        secrets.get().deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
    }
}
