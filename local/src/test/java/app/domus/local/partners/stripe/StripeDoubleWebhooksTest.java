package app.domus.local.partners.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.json.Json;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events the double sends, checked with stripe-java's own {@code Webhook.constructEvent}, as the platform checks them. */
class StripeDoubleWebhooksTest {
    @TempDir Path data;
    private RunningStripeDouble running;
    private WebhookReceiver platform;

    @BeforeEach
    void start() throws Exception {
        running = new RunningStripeDouble(data);
        platform = new WebhookReceiver();
        running.stripe.webhookEndpoint(platform.url());
    }

    @AfterEach
    void stop() {
        running.close();
        platform.close();
    }

    @Test
    void signsASucceededPaymentSoThatStripeJavaAcceptsIt() throws Exception {
        PaymentIntent intent = create();
        running.client().v1().paymentIntents().confirm(intent.getId(), PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build(),
                RequestOptions.builder().setIdempotencyKey("confirm-1").build());

        WebhookReceiver.Received delivery = platform.next();
        assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        Event event = Webhook.constructEvent(delivery.payload(), delivery.signature(), running.stripe.webhookSecret());

        assertThat(event.getId()).startsWith("evt_");
        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getLivemode()).isFalse();
        assertThat(event.getRequest().getIdempotencyKey()).isEqualTo("confirm-1");
        PaymentIntent paid = (PaymentIntent) event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(paid.getId()).isEqualTo(intent.getId());
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getMetadata()).containsEntry("invoiceId", "inv-7");
    }

    @Test
    void reportsADeclinedPaymentAndARefund() throws Exception {
        PaymentIntent intent = create();
        running.control("POST", "payment_intents/" + intent.getId() + "/fail");
        Event failed = Webhook.constructEvent(platform.next().payload(), platform.all().getLast().signature(), running.stripe.webhookSecret());
        assertThat(failed.getType()).isEqualTo("payment_intent.payment_failed");
        PaymentIntent declined = (PaymentIntent) failed.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(declined.getStatus()).isEqualTo("requires_payment_method");
        assertThat(declined.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");

        running.control("POST", "payment_intents/" + intent.getId() + "/succeed");
        assertThat(Webhook.constructEvent(platform.next().payload(), platform.all().getLast().signature(), running.stripe.webhookSecret()).getType())
                .isEqualTo("payment_intent.succeeded");

        running.client().v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).setAmount(500L).build());
        Event refunded = Webhook.constructEvent(platform.next().payload(), platform.all().getLast().signature(), running.stripe.webhookSecret());
        assertThat(refunded.getType()).isEqualTo("charge.refunded");
        Charge charge = (Charge) refunded.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getAmountRefunded()).isEqualTo(500L);
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
    }

    @Test
    void sendsForgedAndStaleEventsThatStripeJavaRefuses() throws Exception {
        String eventId = succeededEventId();
        platform.next();

        HttpResponse<String> forged = running.control("POST", "events/" + eventId + "/forged");
        assertThat(Json.read(forged.body()).path("kind").asText()).isEqualTo("forged");
        WebhookReceiver.Received forgery = platform.next();
        assertThatThrownBy(() -> Webhook.constructEvent(forgery.payload(), forgery.signature(), running.stripe.webhookSecret()))
                .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("No signatures found matching the expected signature");

        running.control("POST", "events/" + eventId + "/stale");
        WebhookReceiver.Received stale = platform.next();
        assertThatThrownBy(() -> Webhook.constructEvent(stale.payload(), stale.signature(), running.stripe.webhookSecret()))
                .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("tolerance");
        // Signed with the right secret all the same: only its age gives it away.
        assertThat(Webhook.constructEvent(stale.payload(), stale.signature(), running.stripe.webhookSecret(), 0).getId()).isEqualTo(eventId);
    }

    @Test
    void retriesAFailingReceiverWithGrowingDelays() throws Exception {
        platform.failNext(2);
        String eventId = succeededEventId();

        List<WebhookReceiver.Received> attempts = List.of(platform.next(), platform.next(), platform.next());
        assertThat(platform.quietFor(Duration.ofMillis(300))).isTrue();
        assertThat(attempts).extracting(WebhookReceiver.Received::payload).allMatch(payload -> payload.contains(eventId));
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(RunningStripeDouble.FIRST_RETRY);
        assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(RunningStripeDouble.FIRST_RETRY.multipliedBy(2));
        for (WebhookReceiver.Received attempt : attempts) Webhook.constructEvent(attempt.payload(), attempt.signature(), running.stripe.webhookSecret());

        List<WebhookDelivery> deliveries = awaitDeliveries(3);
        assertThat(deliveries).extracting(WebhookDelivery::attempt).containsExactly(1, 2, 3);
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(500, 500, 200);
        assertThat(deliveries.get(0).nextRetryAt()).isNotNull();
        assertThat(deliveries.get(2).nextRetryAt()).isNull();
        assertThat(Json.read(running.control("GET", "deliveries?event=" + eventId).body())).hasSize(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        platform.failNext(10);
        succeededEventId();

        for (int i = 0; i < RunningStripeDouble.MAX_ATTEMPTS; i++) platform.next();
        assertThat(platform.quietFor(Duration.ofMillis(500))).isTrue();
        assertThat(running.stripe.deliveries()).extracting(WebhookDelivery::succeeded).containsOnly(false);
    }

    @Test
    void resendsAnEventAsADuplicate() throws Exception {
        String eventId = succeededEventId();
        WebhookReceiver.Received original = platform.next();

        running.control("POST", "events/" + eventId + "/resend");
        WebhookReceiver.Received duplicate = platform.next();

        assertThat(Webhook.constructEvent(duplicate.payload(), duplicate.signature(), running.stripe.webhookSecret()).getId()).isEqualTo(eventId);
        assertThat(duplicate.payload()).isEqualTo(original.payload());
        assertThat(awaitDeliveries(2)).extracting(WebhookDelivery::kind).containsExactly("signed", "duplicate");
    }

    @Test
    void releasesHeldEventsOutOfOrder() throws Exception {
        running.control("POST", "webhooks/hold");
        PaymentIntent intent = create();
        running.control("POST", "payment_intents/" + intent.getId() + "/fail");
        running.control("POST", "payment_intents/" + intent.getId() + "/succeed");
        assertThat(platform.quietFor(Duration.ofMillis(200))).isTrue();

        running.control("POST", "webhooks/release?order=reversed");

        assertThat(List.of(platform.next(), platform.next())).extracting(received -> Json.read(received.payload()).path("type").asText())
                .containsExactly("payment_intent.succeeded", "payment_intent.payment_failed");
    }

    private PaymentIntent create() throws Exception {
        return running.client().v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(4_200L).setCurrency("eur")
                .putMetadata("invoiceId", "inv-7").addPaymentMethodType("card").build());
    }

    private String succeededEventId() throws Exception {
        PaymentIntent intent = create();
        running.control("POST", "payment_intents/" + intent.getId() + "/succeed");
        return Json.read(running.control("GET", "events").body()).get(0).path("id").asText();
    }

    private List<WebhookDelivery> awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running.stripe.deliveries().size() < count && System.nanoTime() < deadline) Thread.sleep(10);
        return running.stripe.deliveries();
    }
}
