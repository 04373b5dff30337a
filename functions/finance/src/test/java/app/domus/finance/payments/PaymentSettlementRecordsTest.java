package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.ledger.LedgerEntryItem;
import app.domus.shared.persistence.TableItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the settlement records of each event and payment, and what it announces with which amounts. */
class PaymentSettlementRecordsTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceItem invoice = f.invoice(); // 295.00 EUR
    private final StripeEvents stripe = new StripeEvents(f.clock);

    @Test
    void eachAppliedEventIsMarkedWithWhatItWasWhenStripeMadeItWhenItWasAppliedAndHowLongTheMarkIsKept() {
        GatewayEvent success = stripe.succeeded("pi_1", 29500, invoice.getId(), f.owner);
        f.clock.set(Instant.parse("2026-03-02T10:30:00Z"));
        f.settlement.apply(success);
        GatewayEventItem marker = f.table.get(GatewayEventItem.class, GatewayEventItem.pk(success.id()), GatewayEventItem.SK).orElseThrow();
        assertThat(marker.getEventId()).isEqualTo(success.id());
        assertThat(marker.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(marker.getPaymentIntentId()).isEqualTo("pi_1");
        assertThat(marker.getGatewayCreatedAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(marker.getAppliedAt()).isEqualTo("2026-03-02T10:30:00Z");
        assertThat(marker.getTtl()).isEqualTo(Instant.parse("2026-05-31T10:30:00Z").getEpochSecond());
    }

    @Test
    void aPaymentFirstSeenThroughItsEventIsRecordedFromTheIntentsMetadataAndSettledOnTheGatewaysDay() {
        // Stripe created the event just before midnight; it is applied after it: the payment settled on Stripe's day.
        f.clock.set(Instant.parse("2026-03-02T23:59:00Z"));
        GatewayEvent success = stripe.succeeded("pi_new", 10000, invoice.getId(), f.payDelegate);
        f.clock.set(Instant.parse("2026-03-03T00:05:00Z"));
        assertThat(f.settlement.apply(success)).isEqualTo(PaymentSettlement.Outcome.APPLIED);

        PaymentItem payment = f.settlement.payment("pi_new").orElseThrow();
        assertThat(payment.getId()).isEqualTo("pi_new");
        assertThat(payment.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(payment.getInvoiceNumber()).isEqualTo("INV-2026-000001");
        assertThat(payment.getOrganisationId()).isEqualTo(f.org);
        assertThat(payment.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(payment.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(payment.getCurrency()).isEqualTo("EUR");
        assertThat(payment.getGsi1pk()).isEqualTo(PaymentItem.byInvoice(invoice.getId()));
        assertThat(payment.getCreatedBy()).isEqualTo(f.payDelegate);
        assertThat(payment.getCreatedAt()).isEqualTo("2026-03-03T00:05:00Z");
        assertThat(payment.getUpdatedAt()).isEqualTo("2026-03-03T00:05:00Z");
        assertThat(payment.getStatus()).isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(payment.getChargeId()).isEqualTo("ch_pi_new");
        assertThat(payment.getReceived()).isEqualTo(10000);
        assertThat(payment.getPostedReceived()).isEqualTo(10000);
        assertThat(payment.getSettledOn()).isEqualTo("2026-03-02");
        assertThat(payment.getGsi2pk()).isEqualTo(PaymentItem.settledOn("2026-03-02"));
        assertThat(f.table.allInIndex(PaymentItem.class, TableItem.GSI2, PaymentItem.settledOn("2026-03-02")))
                .extracting(PaymentItem::getId).containsExactly("pi_new");

        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("paymentId").asText()).isEqualTo("pi_new");
            assertThat(e.payload().path("amount").asLong()).isEqualTo(10000);
            assertThat(e.payload().path("paid").asLong()).isEqualTo(10000);
            assertThat(e.payload().path("outstanding").asLong()).isEqualTo(19500);
            assertThat(e.payload().path("invoiceStatus").asText()).isEqualTo("partly_paid");
            assertThat(e.payload().path("payerId").asText()).isEqualTo(f.payDelegate);
            assertThat(e.payload().path("receivedAt").asText()).isEqualTo("2026-03-03T00:05:00Z");
        });
        var entry = f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items().getFirst();
        assertThat(entry.getKind()).isEqualTo("payment");
        assertThat(entry.getAmount()).isEqualTo(-10000);
        assertThat(entry.getReferenceType()).isEqualTo("payment");
        assertThat(entry.getReferenceId()).isEqualTo("pi_new");
        assertThat(entry.getDocumentNumber()).isEqualTo("INV-2026-000001");
        assertThat(entry.getDescription()).isEqualTo("Payment for invoice INV-2026-000001");

        // A second success of the same intent (Stripe's cumulative amount) keeps the day it first settled on.
        f.clock.set(Instant.parse("2026-03-04T08:00:00Z"));
        f.settlement.apply(stripe.succeeded("pi_new", 29500, invoice.getId(), f.payDelegate));
        assertThat(f.settlement.payment("pi_new").orElseThrow().getSettledOn()).isEqualTo("2026-03-02");
        assertThat(f.settlement.payment("pi_new").orElseThrow().getPostedReceived()).isEqualTo(29500);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).extracting(e -> e.payload().path("amount").asLong())
                .containsExactly(10000L, 19500L);
    }

    @Test
    void aRefundAfterThePaymentIsAnnouncedAsARefundOnlyWithWhatIsOwedAgain() {
        f.settlement.apply(stripe.succeeded("pi_p", 29500, invoice.getId(), f.owner));
        f.clock.set(Instant.parse("2026-03-06T12:00:00Z"));
        f.settlement.apply(stripe.refunded("pi_p", 3000, "eur"));

        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).as("nothing more was received").hasSize(1);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_REFUNDED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("paymentId").asText()).isEqualTo("pi_p");
            assertThat(e.payload().path("amount").asLong()).isEqualTo(3000);
            assertThat(e.payload().path("paid").asLong()).isEqualTo(26500);
            assertThat(e.payload().path("outstanding").asLong()).isEqualTo(3000);
            assertThat(e.payload().path("invoiceStatus").asText()).isEqualTo("partly_paid");
            assertThat(e.payload().path("refundedAt").asText()).isEqualTo("2026-03-06T12:00:00Z");
        });
        var refund = f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items().getFirst();
        assertThat(refund.getKind()).isEqualTo("refund");
        assertThat(refund.getAmount()).isEqualTo(3000);
        assertThat(refund.getDescription()).isEqualTo("Refund of a payment for invoice INV-2026-000001");
        PaymentItem payment = f.settlement.payment("pi_p").orElseThrow();
        assertThat(payment.getRefunded()).isEqualTo(3000);
        assertThat(payment.getPostedRefunded()).isEqualTo(3000);
        assertThat(payment.getStatus()).as("a part refund leaves the payment succeeded").isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(f.invoices.load(invoice.getId()).orElseThrow().getPaidTotal()).isEqualTo(26500);
    }

    @Test
    void aRefundNeverPostsMoreThanWasReceived() {
        f.settlement.apply(stripe.succeeded("pi_small", 1000, invoice.getId(), f.owner));
        // Stripe reports more refunded than this payment received (a refund of another charge of the intent, say).
        f.settlement.apply(stripe.refunded("pi_small", 1500, "eur"));
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_REFUNDED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("amount").asLong()).isEqualTo(1000));
        assertThat(f.ledger.balance(f.unit1.getId()).getBalance()).isEqualTo(29500);
        assertThat(f.settlement.payment("pi_small").orElseThrow().getPostedRefunded()).isEqualTo(1000);
        InvoiceItem reloaded = f.invoices.load(invoice.getId()).orElseThrow();
        assertThat(reloaded.paid()).isZero();
        assertThat(reloaded.getStatus()).isEqualTo(InvoiceItem.ISSUED);
    }

    @Test
    void aRefundSeenBeforeItsPaymentIsKeptAsAPendingPaymentInTheEventsCurrencyOrNone() {
        assertThat(f.settlement.apply(stripe.refunded("pi_early", 500, "eur"))).isEqualTo(PaymentSettlement.Outcome.IGNORED);
        PaymentItem early = f.settlement.payment("pi_early").orElseThrow();
        assertThat(early.getStatus()).isEqualTo(PaymentItem.PENDING);
        assertThat(early.getCurrency()).isEqualTo("EUR");
        assertThat(early.getRefunded()).isEqualTo(500);
        assertThat(early.getChargeId()).isEqualTo("ch_pi_early");
        assertThat(early.getInvoiceId()).isNull();
        assertThat(early.getPostedRefunded()).as("nothing posted for a payment not known to be ours").isNull();

        f.settlement.apply(stripe.refunded("pi_bare", 500, null));
        assertThat(f.settlement.payment("pi_bare").orElseThrow().getCurrency()).isNull();
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items()).extracting(LedgerEntryItem::getKind).containsExactly("charge");
    }

    @Test
    void aPaymentNamingAnInvoiceThatIsNotStoredFailsTheEventAndWritesNothing() {
        PaymentItem orphan = new PaymentItem();
        orphan.setPk(PaymentItem.pk("pi_orphan"));
        orphan.setSk(PaymentItem.SK);
        orphan.setId("pi_orphan");
        orphan.setInvoiceId("01JGONE0000000000000000000");
        orphan.setStatus(PaymentItem.PENDING);
        f.table.of(PaymentItem.class).putItem(orphan);
        int items = f.itemCount();
        GatewayEvent success = stripe.succeeded("pi_orphan", 500, null, null);
        assertThatThrownBy(() -> f.settlement.apply(success)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Payment pi_orphan names invoice 01JGONE0000000000000000000, which does not exist");
        assertThat(f.itemCount()).isEqualTo(items);
    }

    @Test
    void aSuccessAfterADeclineClearsTheErrorKeepsTheChargeItKnowsAndRecordsWhenItWasUpdated() {
        com.fasterxml.jackson.databind.node.ObjectNode declined = app.domus.shared.json.Json.MAPPER.createObjectNode();
        declined.put("id", "pi_d");
        declined.put("object", "payment_intent");
        declined.put("amount_received", 0);
        declined.put("currency", "eur");
        declined.putObject("last_payment_error").put("message", "Insufficient funds");
        declined.putObject("metadata").put(PaymentRequests.INVOICE_ID, invoice.getId());
        f.settlement.apply(stripe.event("payment_intent.payment_failed", declined));
        PaymentItem failed = f.settlement.payment("pi_d").orElseThrow();
        assertThat(failed.getLastError()).isEqualTo("Insufficient funds");
        assertThat(failed.getCreatedAt()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_FAILED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("paymentId").asText()).isEqualTo("pi_d");
            assertThat(e.payload().path("invoiceId").asText()).isEqualTo(invoice.getId());
            assertThat(e.payload().path("reason").asText()).isEqualTo("Insufficient funds");
        });

        f.settlement.apply(stripe.succeeded("pi_d", 10000, invoice.getId(), f.owner));
        assertThat(f.settlement.payment("pi_d").orElseThrow().getLastError()).isNull();
        assertThat(f.settlement.payment("pi_d").orElseThrow().getChargeId()).isEqualTo("ch_pi_d");

        // Stripe's later success names no charge: the one known stays.
        com.fasterxml.jackson.databind.node.ObjectNode succeeded = app.domus.shared.json.Json.MAPPER.createObjectNode();
        succeeded.put("id", "pi_d");
        succeeded.put("object", "payment_intent");
        succeeded.put("amount_received", 29500);
        succeeded.put("currency", "eur");
        succeeded.putObject("metadata").put(PaymentRequests.INVOICE_ID, invoice.getId());
        f.clock.set(Instant.parse("2026-03-02T11:00:00Z"));
        f.settlement.apply(stripe.event("payment_intent.succeeded", succeeded));
        PaymentItem paid = f.settlement.payment("pi_d").orElseThrow();
        assertThat(paid.getStatus()).isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(paid.getLastError()).isNull();
        assertThat(paid.getChargeId()).isEqualTo("ch_pi_d");
        assertThat(paid.getCreatedAt()).as("kept from the first event").isEqualTo("2026-03-02T09:00:00Z");
        assertThat(paid.getUpdatedAt()).isEqualTo("2026-03-02T11:00:00Z");
    }
}
