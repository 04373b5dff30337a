package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.partners.stripe.StripeDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.param.ChargeListParams;
import com.stripe.param.RefundCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 10's payment half through the local cloud and its Stripe double: the owner starts a payment over HTTP (twice at
 * once with one Idempotency-Key), the double confirms it with its succeeding test card and sends Stripe's signed
 * webhook to the local API, the event crosses the payment events queue, the invoice is paid, the unit's account
 * credited and the receipt e-mailed. Then a resent event changes nothing, a forged and a stale one are refused, and
 * events held and released in reverse order (the refund's before the payment's) end in the same books.
 */
@ExtendWith(LocalCloudExtension.class)
class PaymentFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void flow10APaymentThroughTheGatewaysSignedWebhookPaysTheInvoiceOnceAndForgeriesChangeNothing(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        long before = balance(cloud, unit);
        JsonNode invoice = invoice(cloud, unit, "pay");
        String invoiceId = invoice.path("invoiceId").asText();
        String number = invoice.path("number").asText();
        assertThat(balance(cloud, unit)).isEqualTo(before + 27123);

        String body = "{\"invoiceId\":\"" + invoiceId + "\",\"paymentMethod\":\"pm_card_visa\"}";
        assertThat(cloud.as("owner").post("/payments", body).status()).as("no Idempotency-Key").isEqualTo(400);
        assertThat(cloud.as("manager").header("idempotency-key", "m-" + invoiceId).post("/payments", body).status()).isEqualTo(403);
        assertThat(cloud.as("owner2").header("idempotency-key", "o2-" + invoiceId).post("/payments", body).status()).isIn(403, 404);

        // A double submit: the same key twice at once, then once more. One PaymentIntent, whatever the timing.
        String key = "pay-" + invoiceId;
        var first = CompletableFuture.supplyAsync(() -> cloud.as("owner").header("idempotency-key", key).post("/payments", body));
        var second = CompletableFuture.supplyAsync(() -> cloud.as("owner").header("idempotency-key", key).post("/payments", body));
        List<ApiResponse> both = List.of(first.get(), second.get());
        assertThat(both).extracting(ApiResponse::status).allMatch(status -> status == 201 || status == 409).contains(201);
        ApiResponse started = cloud.as("owner").header("idempotency-key", key).post("/payments", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String paymentId = started.json().path("paymentId").asText();
        assertThat(both).filteredOn(r -> r.status() == 201).allSatisfy(r -> assertThat(r.json().path("paymentId").asText()).isEqualTo(paymentId));
        assertThat(started.json().path("amount").asLong()).isEqualTo(27123);
        assertThat(started.json().path("clientSecret").asText()).startsWith(paymentId + "_secret_");
        assertThat(balance(cloud, unit)).as("nothing is paid before the gateway says so").isEqualTo(before + 27123);

        // The payer's card is charged (what Stripe.js does on the device), and Stripe's webhook follows.
        double_(cloud, "POST", "payment_intents/" + paymentId + "/succeed");
        JsonNode paid = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/invoices/" + invoiceId), i -> i.path("status").asText().equals("paid"));
        assertThat(paid.path("paid").asLong()).isEqualTo(27123);
        assertThat(paid.path("outstanding").asLong()).isZero();
        JsonNode account = cloud.as("owner").get("/units/" + unit + "/account").json();
        assertThat(account.path("balance").asLong()).isEqualTo(before);
        assertThat(account.path("items").get(0).path("kind").asText()).isEqualTo("payment");
        assertThat(account.path("items").get(0).path("amount").asLong()).isEqualTo(-27123);
        JsonNode receipt = cloud.awaitOutbox("owner@domus.local", m -> m.path("subject").asText().equals("Receipt: 271.23 EUR for invoice " + number));
        assertThat(receipt.path("text").asText()).contains("The invoice is paid");
        assertThat(charges(cloud, paymentId)).as("charged once").hasSize(1);

        // Stripe sends the same event again: applied once.
        String succeeded = eventOf(cloud, paymentId, "payment_intent.succeeded");
        int entries = cloud.as("owner").get("/units/" + unit + "/account?limit=100").json().path("items").size();
        double_(cloud, "POST", "events/" + succeeded + "/resend");
        awaitDelivered(cloud, succeeded, 2);
        cloud.awaitQueueDrained("PaymentEventsQueue");
        cloud.awaitQueueDrained("PaymentReceiptsQueue");
        assertThat(cloud.as("owner").get("/units/" + unit + "/account?limit=100").json().path("items").size()).isEqualTo(entries);
        assertThat(balance(cloud, unit)).isEqualTo(before);
        assertThat(cloud.outbox("owner@domus.local")).filteredOn(m -> m.path("subject").asText().contains("for invoice " + number)).hasSize(1);

        // A forged signature and a stale timestamp: 400, nothing queued, nothing changed.
        assertThat(double_(cloud, "POST", "events/" + succeeded + "/forged").path("status").asInt()).isEqualTo(400);
        assertThat(double_(cloud, "POST", "events/" + succeeded + "/stale").path("status").asInt()).isEqualTo(400);
        ApiResponse unsigned = cloud.anonymous().post("/webhooks/payments", "{\"id\":\"evt_x\",\"type\":\"payment_intent.succeeded\"}");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.header("content-type")).contains("application/problem+json");
        cloud.awaitQueueDrained("PaymentEventsQueue");
        assertThat(cloud.as("owner").get("/units/" + unit + "/account?limit=100").json().path("items").size()).isEqualTo(entries);

        // Paid: a new payment is refused.
        assertThat(cloud.as("owner").header("idempotency-key", key + "-again").post("/payments", body).status()).isEqualTo(409);
    }

    @Test
    void eventsHeldAndReleasedInReverseOrderEndInTheSameBooks(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        JsonNode invoice = invoice(cloud, unit, "reverse");
        String invoiceId = invoice.path("invoiceId").asText();
        long owed = balance(cloud, unit);
        ApiResponse started = cloud.as("owner").header("idempotency-key", "pay-" + invoiceId).post("/payments",
                "{\"invoiceId\":\"" + invoiceId + "\",\"paymentMethod\":\"pm_card_visa\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String paymentId = started.json().path("paymentId").asText();

        double_(cloud, "POST", "webhooks/hold");
        JsonNode sent;
        try {
            double_(cloud, "POST", "payment_intents/" + paymentId + "/succeed");
            String charge = charges(cloud, paymentId).getFirst().getId();
            stripe(cloud).v1().refunds().create(RefundCreateParams.builder().setCharge(charge).setAmount(1_000L).build());
        } finally {
            sent = double_(cloud, "POST", "webhooks/release?order=reversed");
        }
        assertThat(sent.path("sent")).hasSize(2);
        assertThat(eventOf(cloud, paymentId, "charge.refunded")).isEqualTo(sent.path("sent").get(0).asText());

        JsonNode settled = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/invoices/" + invoiceId),
                i -> i.path("status").asText().equals("partly_paid"));
        assertThat(settled.path("paid").asLong()).isEqualTo(27123 - 1000);
        assertThat(settled.path("outstanding").asLong()).isEqualTo(1000);
        JsonNode account = cloud.as("owner").get("/units/" + unit + "/account").json();
        assertThat(account.path("balance").asLong()).isEqualTo(owed - 27123 + 1000);
        assertThat(account.path("items").get(0).path("kind").asText()).isEqualTo("refund");
        assertThat(account.path("items").get(1).path("kind").asText()).isEqualTo("payment");
    }

    /**
     * The nightly reconciliation: a payment the gateway took but whose webhook has not come (held) is reported to the
     * building's manager as not booked; once the event arrives, a rerun of the same day finds nothing of it.
     */
    @Test
    void theNightlyReconciliationReportsMoneyTheGatewayHoldsButTheBooksDoNot(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        String invoiceId = invoice(cloud, unit, "reconcile").path("invoiceId").asText();
        ApiResponse started = cloud.as("owner").header("idempotency-key", "pay-" + invoiceId).post("/payments",
                "{\"invoiceId\":\"" + invoiceId + "\",\"paymentMethod\":\"pm_card_visa\"}");
        String paymentId = started.json().path("paymentId").asText();
        Instant tonight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(0, 30).toInstant(ZoneOffset.UTC);

        double_(cloud, "POST", "webhooks/hold");
        try {
            double_(cloud, "POST", "payment_intents/" + paymentId + "/succeed");
            cloud.fireSchedule("ReconcilePaymentsFunction", tonight);
        } finally {
            double_(cloud, "POST", "webhooks/release");
        }
        JsonNode report = cloud.awaitOutbox("manager@domus.local", m -> m.path("text").asText().contains(paymentId));
        assertThat(report.path("subject").asText()).startsWith("Payments of " + LocalDate.now(ZoneOffset.UTC) + ":");
        assertThat(report.path("text").asText()).contains("not_booked " + paymentId + " gateway 271.23 EUR books 0.00 EUR");

        LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/invoices/" + invoiceId), i -> i.path("status").asText().equals("paid"));
        cloud.fireSchedule("ReconcilePaymentsFunction", tonight);
        cloud.awaitQueueDrained("NotificationQueue");
        assertThat(cloud.outbox("manager@domus.local")).filteredOn(m -> m.path("text").asText().contains(paymentId))
                .as("the rerun found the payment booked").hasSize(1);
    }

    private static JsonNode invoice(LocalCloudClient cloud, String unit, String purpose) {
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        String body = "{\"unitId\":\"" + unit + "\",\"dueDate\":\"" + due + "\",\"items\":["
                + "{\"description\":\"Monthly advance\",\"quantity\":1,\"unitPrice\":18000,\"vatRate\":20},"
                + "{\"description\":\"Lift maintenance\",\"quantity\":2.5,\"unitPrice\":1999,\"vatRate\":10.5}]}";
        ApiResponse created = cloud.as("manager").header("idempotency-key", purpose + "-" + Instant.now().toEpochMilli()).post("/invoices", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static long balance(LocalCloudClient cloud, String unit) {
        return cloud.as("owner").get("/units/" + unit + "/account").json().path("balance").asLong();
    }

    private static String stripeUrl(LocalCloudClient cloud) {
        return cloud.cloud().partnerDoubles().get(StripeDouble.NAME);
    }

    /** One of the double's test controls (what a developer clicks in its console). */
    private static JsonNode double_(LocalCloudClient cloud, String method, String control) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stripeUrl(cloud) + "/_double/" + control))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(control + ": " + response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    /** Waits until the double has delivered the event {@code times} times with a 2xx answer. */
    private static void awaitDelivered(LocalCloudClient cloud, String eventId, int times) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode deliveries = null;
        while (Instant.now().isBefore(deadline)) {
            deliveries = double_(cloud, "GET", "deliveries?event=" + eventId);
            long delivered = StreamSupport.stream(deliveries.spliterator(), false).filter(d -> d.path("status").asInt() / 100 == 2).count();
            if (delivered >= times) return;
            Thread.sleep(100);
        }
        throw new AssertionError("Event " + eventId + " was not delivered " + times + " times: " + deliveries);
    }

    private static String eventOf(LocalCloudClient cloud, String paymentIntentId, String type) throws Exception {
        for (JsonNode event : double_(cloud, "GET", "events")) {
            JsonNode object = event.path("data").path("object");
            String intent = object.path("object").asText().equals("charge") ? object.path("payment_intent").asText() : object.path("id").asText();
            if (event.path("type").asText().equals(type) && intent.equals(paymentIntentId)) return event.path("id").asText();
        }
        throw new AssertionError("No " + type + " event for " + paymentIntentId);
    }

    private static StripeClient stripe(LocalCloudClient cloud) throws Exception {
        String key = double_(cloud, "GET", "keys").path("secretKey").asText();
        return StripeClient.builder().setApiKey(key).setApiBase(stripeUrl(cloud)).setMaxNetworkRetries(0).build();
    }

    private static List<com.stripe.model.Charge> charges(LocalCloudClient cloud, String paymentIntentId) throws Exception {
        var list = stripe(cloud).v1().charges().list(ChargeListParams.builder().setPaymentIntent(paymentIntentId).build());
        return StreamSupport.stream(list.autoPagingIterable().spliterator(), false).toList();
    }
}
