package app.domus.local.partners.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.LocalCloud;
import app.domus.local.json.Json;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local cloud starts the double for a template with a payment gateway and wires it to the platform. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("src/test/java/app/domus/local/partners/stripe/payments-template.yaml")
class StripeDoubleInLocalCloudTest {

    @Test
    void pointsThePlatformAtTheDoubleAndSeedsItsSecretsInSsm(LocalCloud cloud) throws Exception {
        String stripe = cloud.partnerDoubles().get(StripeDouble.NAME);
        assertThat(stripe).isNotNull();
        assertThat(cloud.deployment().parameter("PaymentGatewayBaseUrl")).isEqualTo(stripe);

        JsonNode overview;
        try (HttpClient http = HttpClient.newHttpClient()) {
            overview = Json.read(http.send(HttpRequest.newBuilder(URI.create(stripe + "/_double/")).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        assertThat(overview.path("webhookEndpoint").asText()).isEqualTo(cloud.endpoints().httpUrl() + "/webhooks/payments");

        JsonNode ssm = Json.MAPPER.readTree(cloud.options().dataDirectory().resolve("ssm-parameters.json").toFile());
        assertThat(ssm.at("/~1domus~1payments~1stripe-secret-key/value").asText()).isEqualTo(overview.path("secretKey").asText()).startsWith("sk_test_");
        assertThat(ssm.at("/~1domus~1payments~1stripe-secret-key/type").asText()).isEqualTo("SecureString");
        assertThat(ssm.at("/~1domus~1payments~1stripe-webhook-secret/value").asText()).isEqualTo(overview.path("webhookSecret").asText()).startsWith("whsec_");
    }
}
