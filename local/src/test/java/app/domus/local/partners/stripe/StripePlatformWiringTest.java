package app.domus.local.partners.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.aws.ParameterStore;
import app.domus.local.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the local cloud hands the double's keys to the platform and the platform's webhook URL to the double. */
class StripePlatformWiringTest {
    @TempDir Path data;

    @Test
    void startsOnlyForTemplatesWithAPaymentGateway() throws Exception {
        Path payments = Files.writeString(data.resolve("payments.yaml"), """
                Parameters:
                  PaymentGatewayBaseUrl: {Type: String, Default: https://api.stripe.com}
                Resources: {}
                """);
        Path other = Files.writeString(data.resolve("other.yaml"), """
                Parameters:
                  PublicBaseUrl: {Type: String, Default: https://example.com}
                Resources: {}
                """);
        assertThat(new StripeDouble().neededBy(Template.load(payments))).isTrue();
        assertThat(new StripeDouble().neededBy(Template.load(other))).isFalse();
    }

    @Test
    void seedsTheSsmParametersAndRegistersThePlatformsWebhookUrl() throws Exception {
        ParameterStore parameters = new ParameterStore(data.resolve("ssm-parameters.json"));
        Map<String, Object> template = Map.of("PaymentGatewaySecretKeyParameter", "/domus/payments/secret-key",
                "PaymentWebhookSecretParameter", "/domus/payments/webhook-secret");
        try (RunningStripeDouble running = new RunningStripeDouble(Files.createDirectories(data.resolve("stripe")));
             WebhookReceiver platform = new WebhookReceiver()) {
            String httpApi = platform.url().replace(StripePlatformWiring.WEBHOOK_PATH, "");
            StripePlatformWiring.connect(running.stripe.baseUrl(), httpApi, template::get, parameters);

            assertThat(parameters.get("/domus/payments/secret-key").orElseThrow().value()).isEqualTo(running.stripe.secretKey());
            assertThat(parameters.get("/domus/payments/secret-key").orElseThrow().type()).isEqualTo("SecureString");
            assertThat(parameters.get("/domus/payments/webhook-secret").orElseThrow().value()).isEqualTo(running.stripe.webhookSecret());

            // Connecting again (a restart with the kept keys) leaves the parameters' versions alone.
            StripePlatformWiring.connect(running.stripe.baseUrl(), httpApi, template::get, parameters);
            assertThat(parameters.get("/domus/payments/secret-key").orElseThrow().version()).isEqualTo(1);

            var intent = running.client().v1().paymentIntents().create(com.stripe.param.PaymentIntentCreateParams.builder()
                    .setAmount(100L).setCurrency("eur").build());
            running.control("POST", "payment_intents/" + intent.getId() + "/succeed");
            WebhookReceiver.Received event = platform.next();
            String secret = parameters.get("/domus/payments/webhook-secret").orElseThrow().value();
            assertThat(com.stripe.net.Webhook.constructEvent(event.payload(), event.signature(), secret).getType()).isEqualTo("payment_intent.succeeded");
        }
    }

    @Test
    void leavesSsmAloneWithoutTheDoubleOrWithoutTheParameterNames() throws Exception {
        ParameterStore parameters = new ParameterStore(data.resolve("ssm-parameters.json"));
        StripePlatformWiring.connect(null, "http://127.0.0.1:1", name -> "/never", parameters);
        try (RunningStripeDouble running = new RunningStripeDouble(Files.createDirectories(data.resolve("stripe")))) {
            StripePlatformWiring.connect(running.stripe.baseUrl(), "http://127.0.0.1:1", name -> null, parameters);
        }
        assertThat(parameters.under("/", true)).isEmpty();
    }
}
