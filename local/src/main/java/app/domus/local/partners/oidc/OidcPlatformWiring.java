package app.domus.local.partners.oidc;

import app.domus.local.aws.SecretStore;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What an operator does once in the providers' consoles and in Secrets Manager, done by the local cloud at start: puts
 * the double's client secrets in the Secrets Manager secret the template names ({@code OAuthClientSecretsName}), as JSON
 * {@code {"google": ..., "apple": ..., "facebook": ...}}. The client ids are template parameters the double sets.
 */
public final class OidcPlatformWiring {

    private OidcPlatformWiring() {}

    public static void connect(Map<String, String> baseUrls, Function<String, Object> templateParameter, SecretStore secrets)
            throws IOException, InterruptedException {
        String base = baseUrls.get(OidcDouble.NAME);
        Object secretName = templateParameter.apply(OidcDouble.CLIENT_SECRETS_PARAMETER);
        if (base == null || secretName == null) return;
        JsonNode clients;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/_double/clients")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IOException("The OpenID provider double answered " + response.statusCode());
            clients = Json.read(response.body());
        }
        Map<String, String> value = new LinkedHashMap<>();
        clients.fields().forEachRemaining(e -> value.put(e.getKey(), e.getValue().path("clientSecret").asText()));
        secrets.seed(String.valueOf(secretName), Json.write(value), "us-east-1", false);
    }
}
