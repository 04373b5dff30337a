package app.domus.local.partners.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The double's page for people: an intent listed with its buttons, and a button that charges it and comes back. */
class DoubleConsoleTest {
    @TempDir Path data;
    private RunningStripeDouble running;

    @BeforeEach
    void start() throws Exception {
        running = new RunningStripeDouble(data);
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void anIntentIsListedWithButtonsThatChargeItAndComeBackToThePage() throws Exception {
        PaymentIntent intent = running.client().v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(4_200L).setCurrency("eur")
                .setPaymentMethod("pm_card_visa").putMetadata("invoiceId", "inv-<7>").build());
        var page = running.control("GET", "console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains(intent.getId(), "4200 EUR", "requires_confirmation", "inv-&lt;7&gt;",
                "action=\"/_double/payment_intents/" + intent.getId() + "/succeed?then=console\"");

        var pressed = running.control("POST", "payment_intents/" + intent.getId() + "/succeed?then=console");
        assertThat(pressed.statusCode()).isEqualTo(303);
        assertThat(pressed.headers().firstValue("location")).contains("/_double/console");
        assertThat(running.client().v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
        String after = running.control("GET", "console").body();
        assertThat(after).contains("payment_intent.succeeded").doesNotContain("/payment_intents/" + intent.getId() + "/succeed");
    }
}
