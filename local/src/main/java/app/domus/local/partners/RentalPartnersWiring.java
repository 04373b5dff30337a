package app.domus.local.partners;

import app.domus.local.aws.ParameterStore;
import app.domus.local.json.Json;
import app.domus.local.partners.locks.SmartLockDouble;
import app.domus.local.partners.police.PolicePortalDouble;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;

/**
 * What a host does once in the partners' own consoles, done by the local cloud at start: puts the smart-lock double's
 * API token and the police portal double's web-service credentials where the rentals functions read them, the SSM
 * SecureString parameters the template names ({@code SmartLockApiTokenParameter}, {@code PolicePortalCredentialsParameter}).
 */
public final class RentalPartnersWiring {

    private RentalPartnersWiring() {}

    /**
     * @param baseUrls          each running double's name and base URL (a double the template did not need is absent)
     * @param templateParameter a resolved template parameter's value, null for one the template does not declare
     */
    public static void connect(Map<String, String> baseUrls, Function<String, Object> templateParameter, ParameterStore parameters)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String locks = baseUrls.get(SmartLockDouble.NAME);
            Object tokenParameter = templateParameter.apply(SmartLockDouble.TOKEN_PARAMETER);
            if (locks != null && tokenParameter != null) {
                parameters.seedSecure(String.valueOf(tokenParameter), get(http, locks + "/_double/token").path("apiToken").asText());
            }
            String police = baseUrls.get(PolicePortalDouble.NAME);
            Object credentialsParameter = templateParameter.apply(PolicePortalDouble.CREDENTIALS_PARAMETER);
            if (police != null && credentialsParameter != null) {
                parameters.seedSecure(String.valueOf(credentialsParameter), Json.write(get(http, police + "/_double/credentials")));
            }
        }
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("A partner double answered " + response.statusCode() + " to " + url + ": " + response.body());
        return Json.read(response.body());
    }
}
