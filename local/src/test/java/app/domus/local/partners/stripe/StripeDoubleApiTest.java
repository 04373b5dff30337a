package app.domus.local.partners.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.net.RequestOptions;
import com.stripe.param.ChargeListParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The double's REST API, driven by stripe-java 31.0.0 as the platform drives Stripe. */
class StripeDoubleApiTest {
    @TempDir Path data;
    private RunningStripeDouble running;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        running = new RunningStripeDouble(data);
        stripe = running.client();
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void pointsThePlatformAtItselfAndKeepsTestKeys() {
        assertThat(running.overrides).containsExactly(java.util.Map.entry("PaymentGatewayBaseUrl", running.stripe.baseUrl()));
        assertThat(running.stripe.secretKey()).startsWith("sk_test_");
        assertThat(running.stripe.webhookSecret()).startsWith("whsec_");
        assertThat(PaymentLedger.API_VERSION).isEqualTo(com.stripe.Stripe.API_VERSION);
    }

    @Test
    void keepsItsKeysAcrossRestarts() throws Exception {
        String secretKey = running.stripe.secretKey();
        String webhookSecret = running.stripe.webhookSecret();
        running.close();
        running = new RunningStripeDouble(data);
        assertThat(running.stripe.secretKey()).isEqualTo(secretKey);
        assertThat(running.stripe.webhookSecret()).isEqualTo(webhookSecret);
    }

    @Test
    void createsAPaymentIntentInStripesShape() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(invoicePayment(12_500));

        assertThat(intent.getId()).startsWith("pi_");
        assertThat(intent.getObject()).isEqualTo("payment_intent");
        assertThat(intent.getAmount()).isEqualTo(12_500L);
        assertThat(intent.getCurrency()).isEqualTo("eur");
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getClientSecret()).startsWith(intent.getId() + "_secret_");
        assertThat(intent.getMetadata()).containsEntry("invoiceId", "inv-1");
        assertThat(intent.getLivemode()).isFalse();
        assertThat(intent.getLatestCharge()).isNull();
        assertThat(intent.getCreated()).isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
        assertThat(intent.getAutomaticPaymentMethods().getEnabled()).isTrue();
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getClientSecret()).isEqualTo(intent.getClientSecret());
    }

    @Test
    void replaysTheFirstAnswerForTheSameIdempotencyKeyAndParameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("invoice-inv-1").build();
        PaymentIntent first = stripe.v1().paymentIntents().create(invoicePayment(12_500), key);
        PaymentIntent again = stripe.v1().paymentIntents().create(invoicePayment(12_500), key);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getClientSecret()).isEqualTo(first.getClientSecret());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithOtherParameters() throws Exception {
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("invoice-inv-2").build();
        stripe.v1().paymentIntents().create(invoicePayment(12_500), key);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(invoicePayment(9_900), key))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getMessage()).contains("same parameters");
                });
    }

    @Test
    void refusesAnyOtherApiKeyWith401() throws Exception {
        StripeClient stranger = StripeClient.builder().setApiKey("sk_test_somebodyElse1234").setApiBase(running.stripe.baseUrl()).setMaxNetworkRetries(0).build();
        assertThatThrownBy(() -> stranger.v1().paymentIntents().create(invoicePayment(100)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getStatusCode()).isEqualTo(401));

        HttpResponse<String> anonymous = running.api("POST", "/v1/payment_intents", null, "amount=100&currency=eur");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Json.read(anonymous.body()).at("/error/type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void acceptsBracketListsAndReportsMissingOrUnknownParametersAsStripeDoes() throws Exception {
        String bearer = "Bearer " + running.stripe.secretKey();
        HttpResponse<String> created = running.api("POST", "/v1/payment_intents", bearer,
                "amount=2000&currency=EUR&payment_method_types[]=card&metadata[invoiceId]=inv-9&description=Rent");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode intent = Json.read(created.body());
        assertThat(intent.path("payment_method_types").toString()).isEqualTo("[\"card\"]");
        assertThat(intent.path("currency").asText()).isEqualTo("eur");
        assertThat(intent.path("automatic_payment_methods").isNull()).isTrue();

        JsonNode missing = Json.read(running.api("POST", "/v1/payment_intents", bearer, "currency=eur").body()).path("error");
        assertThat(missing.path("code").asText()).isEqualTo("parameter_missing");
        assertThat(missing.path("param").asText()).isEqualTo("amount");

        HttpResponse<String> unknown = running.api("POST", "/v1/payment_intents", bearer, "amount=1&currency=eur&colour=blue");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(Json.read(unknown.body()).at("/error/message").asText()).isEqualTo("Received unknown parameter: colour");
    }

    @Test
    void confirmsWithTheVisaTestCard() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(invoicePayment(12_500));
        PaymentIntent paid = stripe.v1().paymentIntents().confirm(intent.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());

        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getAmountReceived()).isEqualTo(12_500L);
        assertThat(paid.getLatestCharge()).startsWith("ch_");
        assertThat(paid.getPaymentMethod()).startsWith("pm_").isNotEqualTo("pm_card_visa");
        Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge());
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(intent.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void declinesTheChargeDeclinedTestCardWithACardError() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(invoicePayment(12_500));

        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(intent.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_chargeDeclined").build()))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(e.getStripeError().getPaymentIntent().getStatus()).isEqualTo("requires_payment_method");
                });

        PaymentIntent declined = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(declined.getStatus()).isEqualTo("requires_payment_method");
        assertThat(declined.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(declined.getLastPaymentError().getType()).isEqualTo("card_error");
        Charge failed = stripe.v1().charges().retrieve(declined.getLatestCharge());
        assertThat(failed.getStatus()).isEqualTo("failed");
        assertThat(failed.getFailureCode()).isEqualTo("card_declined");

        // The payer tries again with another card, as Stripe allows after a decline.
        PaymentIntent paid = stripe.v1().paymentIntents().confirm(intent.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getLastPaymentError()).isNull();
    }

    @Test
    void listsTodaysChargesForReconciliation() throws Exception {
        String paid = pay(1_000);
        String declined = stripe.v1().paymentIntents().create(invoicePayment(2_000)).getId();
        running.control("POST", "payment_intents/" + declined + "/fail");
        String paidLater = pay(3_000);

        long today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        ChargeListParams.Created createdToday = ChargeListParams.Created.builder().setGte(today).setLt(today + 86_400).build();
        StripeCollection<Charge> page = stripe.v1().charges().list(ChargeListParams.builder().setCreated(createdToday).setLimit(2L).build());

        assertThat(page.getObject()).isEqualTo("list");
        assertThat(page.getHasMore()).isTrue();
        assertThat(page.getData()).extracting(Charge::getPaymentIntent).containsExactly(paidLater, declined);
        StripeCollection<Charge> rest = stripe.v1().charges().list(ChargeListParams.builder().setCreated(createdToday).setLimit(2L)
                .setStartingAfter(page.getData().getLast().getId()).build());
        assertThat(rest.getData()).extracting(Charge::getPaymentIntent).containsExactly(paid);
        assertThat(rest.getHasMore()).isFalse();

        ChargeListParams yesterday = ChargeListParams.builder()
                .setCreated(ChargeListParams.Created.builder().setGte(today - 86_400).setLt(today).build()).build();
        assertThat(stripe.v1().charges().list(yesterday).getData()).isEmpty();
    }

    @Test
    void refundsInPartAndThenTheRest() throws Exception {
        String intent = pay(5_000);
        Refund part = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).setAmount(2_000L).build());
        assertThat(part.getId()).startsWith("re_");
        assertThat(part.getStatus()).isEqualTo("succeeded");
        assertThat(part.getAmount()).isEqualTo(2_000L);
        Charge charge = stripe.v1().charges().retrieve(part.getCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(2_000L);
        assertThat(charge.getRefunded()).isFalse();

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).setAmount(4_000L).build()))
                .isInstanceOf(InvalidRequestException.class);
        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).build());
        assertThat(stripe.v1().charges().retrieve(part.getCharge()).getRefunded()).isTrue();
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    }

    @Test
    void failsTheNextCallsOnDemandWithoutDoingAnything() throws Exception {
        assertThat(running.control("POST", "faults?kind=error&count=2").statusCode()).isEqualTo(200);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> stripe.v1().paymentIntents().create(invoicePayment(100)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(500));
        }
        assertThat(stripe.v1().paymentIntents().create(invoicePayment(100)).getId()).startsWith("pi_");
        assertThat(stripe.v1().charges().list().getData()).isEmpty();
    }

    @Test
    void stripeJavasOwnRetriesRideOverInjectedFailures() throws Exception {
        running.control("POST", "faults?kind=error&count=1");
        StripeClient retrying = StripeClient.builder().setApiKey(running.stripe.secretKey()).setApiBase(running.stripe.baseUrl()).setMaxNetworkRetries(1).build();

        assertThat(retrying.v1().paymentIntents().create(invoicePayment(100)).getStatus()).isEqualTo("requires_payment_method");
    }

    @Test
    void slowsTheNextCallDown() throws Exception {
        running.control("POST", "faults?kind=slow&count=1&delayMillis=400");

        long started = System.nanoTime();
        stripe.v1().paymentIntents().create(invoicePayment(100));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(java.time.Duration.ofMillis(400));

        started = System.nanoTime();
        stripe.v1().paymentIntents().create(invoicePayment(100));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofMillis(400));
    }

    @Test
    void answersMalformedJsonOnDemand() throws Exception {
        running.control("POST", "faults?kind=malformed");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(invoicePayment(100))).isInstanceOf(ApiException.class);
        assertThat(running.control("GET", "faults").body()).isEqualTo("[]");
    }

    private String pay(long amount) throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(invoicePayment(amount));
        return stripe.v1().paymentIntents().confirm(intent.getId(), PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()).getId();
    }

    private static PaymentIntentCreateParams invoicePayment(long amount) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("eur").putMetadata("invoiceId", "inv-1")
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .setDescription("Service charge").build();
    }
}
