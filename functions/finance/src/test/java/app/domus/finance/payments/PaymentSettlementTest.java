package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.OpenInvoiceItem;
import app.domus.finance.ledger.LedgerEntryItem;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaymentSettlementTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceItem invoice = f.invoice(); // 295.00 EUR
    private int events;

    private GatewayEvent succeeded(String intent, long amount) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", intent);
        object.put("object", "payment_intent");
        object.put("amount", amount);
        object.put("amount_received", amount);
        object.put("currency", "eur");
        object.put("latest_charge", "ch_" + intent);
        object.putObject("metadata").put(PaymentRequests.INVOICE_ID, invoice.getId()).put(PaymentRequests.PAYER_ID, f.owner);
        return event("payment_intent.succeeded", object);
    }

    private GatewayEvent failed(String intent) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", intent);
        object.put("object", "payment_intent");
        object.put("amount_received", 0);
        object.put("currency", "eur");
        object.putObject("last_payment_error").put("message", "Your card was declined.");
        object.putObject("metadata").put(PaymentRequests.INVOICE_ID, invoice.getId());
        return event("payment_intent.payment_failed", object);
    }

    /** A charge's refund event: Stripe's {@code amount_refunded} is the charge's refunds so far, not this refund's. */
    private GatewayEvent refunded(String intent, long amountRefundedSoFar) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", "ch_" + intent);
        object.put("object", "charge");
        object.put("payment_intent", intent);
        object.put("amount_refunded", amountRefundedSoFar);
        object.put("currency", "eur");
        object.putObject("metadata");
        return event("charge.refunded", object);
    }

    private GatewayEvent event(String type, ObjectNode object) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("id", "evt_" + (++events));
        event.put("object", "event");
        event.put("type", type);
        event.put("created", f.clock.instant().getEpochSecond());
        event.putObject("data").set("object", object);
        return GatewayEvent.parse(Json.write(event)).orElseThrow();
    }

    private InvoiceItem reloaded() {
        return f.invoices.load(invoice.getId()).orElseThrow();
    }

    private boolean open() {
        return f.table.get(OpenInvoiceItem.class, OpenInvoiceItem.pkFor(invoice.getId()), OpenInvoiceItem.sk(invoice.getDueDate(), invoice.getId())).isPresent();
    }

    private long balance() {
        return f.ledger.balance(f.unit1.getId()).getBalance();
    }

    @Test
    void aSucceededPaymentPaysTheInvoicePostsToTheLedgerAndAnnouncesItOnce() {
        GatewayEvent success = succeeded("pi_1", 29500);
        assertThat(f.settlement.apply(success)).isEqualTo(PaymentSettlement.Outcome.APPLIED);

        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.PAID);
        assertThat(reloaded().paid()).isEqualTo(29500);
        assertThat(open()).as("a paid invoice is no longer owed").isFalse();
        assertThat(balance()).isZero();
        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items()).extracting(LedgerEntryItem::getKind)
                .containsExactly("payment", "charge");
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).singleElement().satisfies(e -> {
            assertThat(e.payload().path("amount").asLong()).isEqualTo(29500);
            assertThat(e.payload().path("outstanding").asLong()).isZero();
            assertThat(e.payload().path("invoiceStatus").asText()).isEqualTo("paid");
            assertThat(e.payload().path("payerId").asText()).isEqualTo(f.owner);
        });
        PaymentItem payment = f.settlement.payment("pi_1").orElseThrow();
        assertThat(payment.getStatus()).isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(payment.getSettledOn()).isEqualTo(f.clock.instant().toString().substring(0, 10));

        // The same event again (Stripe's retry, a resend): recognised, nothing written.
        int items = f.itemCount();
        assertThat(f.settlement.apply(success)).isEqualTo(PaymentSettlement.Outcome.ALREADY_APPLIED);
        assertThat(f.itemCount()).isEqualTo(items);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).hasSize(1);
    }

    @Test
    void twoPartialPaymentsMakeItPartlyPaidThenPaid() {
        f.settlement.apply(succeeded("pi_a", 10000));
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.PARTLY_PAID);
        assertThat(reloaded().outstanding()).isEqualTo(19500);
        assertThat(open()).isTrue();
        assertThat(balance()).isEqualTo(19500);
        f.settlement.apply(succeeded("pi_b", 19500));
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.PAID);
        assertThat(open()).isFalse();
        assertThat(balance()).isZero();
    }

    @Test
    void aRefundBeforeItsPaymentsSuccessIsKeptAndPostedWithIt() {
        assertThat(f.settlement.apply(refunded("pi_r", 29500))).as("the refund of a payment not seen to succeed yet")
                .isEqualTo(PaymentSettlement.Outcome.IGNORED);
        assertThat(balance()).isEqualTo(29500);
        f.settlement.apply(succeeded("pi_r", 29500));

        assertThat(f.ledger.account(f.unit1.getId(), "EUR", 10, null).entries().items()).extracting(LedgerEntryItem::getKind)
                .containsExactly("refund", "payment", "charge");
        assertThat(balance()).isEqualTo(29500);
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.ISSUED);
        assertThat(reloaded().paid()).isZero();
        assertThat(open()).as("owed again").isTrue();
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_REFUNDED)).hasSize(1);
    }

    @Test
    void cumulativeRefundsPostTheirDifferenceAndAnOlderOneArrivingLateChangesNothing() {
        f.settlement.apply(succeeded("pi_p", 29500));
        f.settlement.apply(refunded("pi_p", 3000));
        GatewayEvent older = refunded("pi_p", 1000);
        assertThat(balance()).isEqualTo(3000);
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.PARTLY_PAID);
        assertThat(open()).as("back in the reminders' view").isTrue();
        f.settlement.apply(older);
        assertThat(balance()).isEqualTo(3000);
        f.settlement.apply(refunded("pi_p", 5000));
        assertThat(balance()).isEqualTo(5000);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_REFUNDED)).extracting(e -> e.payload().path("amount").asLong()).containsExactly(3000L, 2000L);
    }

    @Test
    void aDeclineIsRecordedAndAnnouncedButALateDeclineAfterTheSuccessChangesNothing() {
        f.settlement.apply(failed("pi_f"));
        assertThat(f.settlement.payment("pi_f").orElseThrow().getStatus()).isEqualTo(PaymentItem.FAILED);
        assertThat(f.settlement.payment("pi_f").orElseThrow().getLastError()).isEqualTo("Your card was declined.");
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_FAILED)).hasSize(1);
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.ISSUED);

        f.settlement.apply(succeeded("pi_f", 29500));
        f.settlement.apply(failed("pi_f"));
        assertThat(f.settlement.payment("pi_f").orElseThrow().getStatus()).isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_FAILED)).as("no second failure notice after the success").hasSize(1);
        assertThat(reloaded().getStatus()).isEqualTo(InvoiceItem.PAID);
    }

    @Test
    void aPaymentThatIsNotOursOrAnEventTheBooksDoNotFollowIsRecordedAsSeenOnly() {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("id", "pi_elsewhere");
        object.put("object", "payment_intent");
        object.put("amount_received", 500);
        object.put("currency", "eur");
        object.putObject("metadata");
        long before = balance();
        assertThat(f.settlement.apply(event("payment_intent.succeeded", object))).isEqualTo(PaymentSettlement.Outcome.IGNORED);
        assertThat(f.settlement.apply(event("payment_intent.created", object))).isEqualTo(PaymentSettlement.Outcome.IGNORED);
        assertThat(balance()).isEqualTo(before);
        assertThat(f.events.ofType(FinanceEvents.PAYMENT_RECEIVED)).isEmpty();
        assertThat(GatewayEvent.parse("{\"id\":\"evt_x\",\"type\":\"customer.created\",\"data\":{\"object\":{\"object\":\"customer\"}}}")).isEmpty();
        assertThat(GatewayEvent.parse("not json")).isEmpty();
    }

    /**
     * Whatever order the gateway's events come in, with duplicates, the books end where the gateway is: paid is what was
     * received less what was refunded of it, the balance is the total less that, and every entry's balance-after adds up.
     */
    @Test
    void anyOrderOfTheSameEventsWithDuplicatesEndsInTheSameBooks() {
        Random random = new Random(20261201);
        for (int round = 0; round < 12; round++) {
            PaymentSettlementTest t = new PaymentSettlementTest(); // a fresh world and invoice for each round
            FinanceFixture world = t.f;
            long first = 1 + random.nextInt(29500);
            long second = 29500 - first;
            long refundedOfFirst = random.nextInt((int) first + 1);
            List<GatewayEvent> stream = new ArrayList<>(List.of(
                    t.failed("pi_1"), t.succeeded("pi_1", first), t.succeeded("pi_2", second),
                    t.refunded("pi_1", refundedOfFirst / 2), t.refunded("pi_1", refundedOfFirst)));
            stream.add(stream.get(random.nextInt(stream.size())));
            stream.add(stream.get(random.nextInt(stream.size())));
            Collections.shuffle(stream, random);
            stream.forEach(world.settlement::apply);

            InvoiceItem settled = world.invoices.load(t.invoice.getId()).orElseThrow();
            long paid = first + second - refundedOfFirst;
            assertThat(settled.paid()).as("round %d: %s", round, stream.stream().map(GatewayEvent::type).toList()).isEqualTo(paid);
            assertThat(settled.getStatus()).isEqualTo(InvoiceItem.statusFor(paid, 29500));
            var entries = world.ledger.account(world.unit1.getId(), "EUR", 50, null).entries().items();
            assertThat(entries.getFirst().getBalanceAfter()).isEqualTo(29500 - paid);
            assertThat(entries.stream().mapToLong(LedgerEntryItem::getAmount).sum()).isEqualTo(29500 - paid);
            assertThat(world.ledger.balance(world.unit1.getId()).getBalance()).isEqualTo(29500 - paid);
            assertThat(t.open()).isEqualTo(paid < 29500);
        }
    }
}
