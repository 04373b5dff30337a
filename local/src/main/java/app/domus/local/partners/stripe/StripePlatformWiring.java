package app.domus.local.partners.stripe;

import app.domus.local.aws.ParameterStore;
import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What the Stripe dashboard does for a real account, done by the local cloud once the double is up: registers the
 * platform's webhook endpoint with the double, and puts the double's API key and endpoint secret where the platform
 * reads them, the SSM SecureString parameters the template names. A partner double's context has neither the HTTP
 * API's address nor the SSM store, so the local cloud calls this (through the double's test controls) at start.
 */
public final class StripePlatformWiring {
    /** Template parameter naming the SSM parameter with the Stripe secret key. */
    public static final String SECRET_KEY_PARAMETER = "PaymentGatewaySecretKeyParameter";
    /** Template parameter naming the SSM parameter with the webhook endpoint's signing secret. */
    public static final String WEBHOOK_SECRET_PARAMETER = "PaymentWebhookSecretParameter";
    /** The platform's route that receives Stripe's events. */
    public static final String WEBHOOK_PATH = "/webhooks/payments";

    private StripePlatformWiring() {}

    /**
     * @param doubleBaseUrl      the running double's base URL, or null when the template did not need it (then nothing happens)
     * @param httpApiUrl         the local HTTP API's base URL
     * @param templateParameter  a resolved template parameter's value, null for one the template does not declare
     */
    public static void connect(String doubleBaseUrl, String httpApiUrl, Function<String, Object> templateParameter, ParameterStore parameters)
            throws IOException, InterruptedException {
        if (doubleBaseUrl == null) return;
        try (HttpClient http = HttpClient.newHttpClient()) {
            call(http, HttpRequest.newBuilder(URI.create(doubleBaseUrl + "/_double/webhook-endpoint?url="
                    + URLEncoder.encode(httpApiUrl + WEBHOOK_PATH, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build());
            JsonNode keys = call(http, HttpRequest.newBuilder(URI.create(doubleBaseUrl + "/_double/keys")).GET().build());
            seed(parameters, templateParameter.apply(SECRET_KEY_PARAMETER), keys.path("secretKey").asText());
            seed(parameters, templateParameter.apply(WEBHOOK_SECRET_PARAMETER), keys.path("webhookSecret").asText());
        }
    }

    private static void seed(ParameterStore parameters, Object parameterName, String value) {
        if (parameterName != null) parameters.seedSecure(String.valueOf(parameterName), value);
    }

    private static JsonNode call(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The Stripe double answered " + response.statusCode() + " to " + request.uri() + ": " + response.body());
        }
        return Json.read(response.body());
    }
}
