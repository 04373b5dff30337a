package app.domus.local.partners;

import app.domus.local.aws.SecretStore;
import app.domus.local.json.Json;
import app.domus.local.partners.locks.SmartLockDouble;
import app.domus.local.partners.police.PolicePortalDouble;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * What a host does once in the partners' own consoles and in Secrets Manager, done by the local cloud at start: puts
 * the smart-lock double's API token and the police portal double's web-service credentials where the rentals
 * functions read them, the Secrets Manager secrets the template names ({@code SmartLockApiTokenSecret},
 * {@code PolicePortalCredentialsSecret}), and makes the access codes' key ({@code AccessCodeKeySecret}) once: it is
 * kept across restarts, since the codes of stays already booked are derived from it.
 */
public final class RentalPartnersWiring {
    static final String ACCESS_CODE_KEY_SECRET = "AccessCodeKeySecret";

    private RentalPartnersWiring() {}

    /**
     * @param baseUrls          each running double's name and base URL (a double the template did not need is absent)
     * @param templateParameter a resolved template parameter's value, null for one the template does not declare
     */
    public static void connect(Map<String, String> baseUrls, Function<String, Object> templateParameter, SecretStore secrets, String region)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String locks = baseUrls.get(SmartLockDouble.NAME);
            Object tokenSecret = templateParameter.apply(SmartLockDouble.TOKEN_SECRET);
            if (locks != null && tokenSecret != null) {
                secrets.seed(String.valueOf(tokenSecret), get(http, locks + "/_double/token").path("apiToken").asText(), region, false);
            }
            String police = baseUrls.get(PolicePortalDouble.NAME);
            Object credentialsSecret = templateParameter.apply(PolicePortalDouble.CREDENTIALS_SECRET);
            if (police != null && credentialsSecret != null) {
                secrets.seed(String.valueOf(credentialsSecret), Json.write(get(http, police + "/_double/credentials")), region, false);
            }
        }
        Object keySecret = templateParameter.apply(ACCESS_CODE_KEY_SECRET);
        if (keySecret != null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            secrets.seed(String.valueOf(keySecret), Base64.getEncoder().encodeToString(key), region, true);
        }
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("A partner double answered " + response.statusCode() + " to " + url + ": " + response.body());
        return Json.read(response.body());
    }
}
