package app.domus.finance.payments;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceFixture;
import app.domus.shared.testing.Refusals;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceRequests;
import app.domus.shared.persistence.TableItem;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a started payment records, what a refusal tells the payer, and a payment whose events came first. */
class PaymentRecordsTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceItem invoice = f.invoice();
    private final StripeEvents stripe = new StripeEvents(f.clock);

    private PaymentService.Started start(String who, String key) {
        return f.payments.start(caller(who), new PaymentRequests.StartPayment(invoice.getId(), "pm_card_visa"), key);
    }

    @Test
    void aStartedPaymentRecordsTheIntentsAmountAndWhenListedUnderItsInvoice() {
        f.clock.set(Instant.parse("2026-03-03T14:00:00Z"));
        var started = start(f.owner, "key-1");
        PaymentItem stored = f.settlement.payment(started.payment().getId()).orElseThrow();
        assertThat(stored.getAmount()).isEqualTo(29500);
        assertThat(stored.getCurrency()).isEqualTo("EUR");
        assertThat(stored.getInvoiceNumber()).isEqualTo("INV-2026-000001");
        assertThat(stored.getUnitId()).isEqualTo(f.unit1.getId());
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getCreatedAt()).isEqualTo("2026-03-03T14:00:00Z");
        assertThat(stored.getUpdatedAt()).isEqualTo("2026-03-03T14:00:00Z");
        assertThat(stored.getGsi1pk()).isEqualTo(PaymentItem.byInvoice(invoice.getId()));
        assertThat(stored.getGsi1sk()).isEqualTo("2026-03-03T14:00:00Z");
        assertThat(f.table.allInIndex(PaymentItem.class, TableItem.GSI1, PaymentItem.byInvoice(invoice.getId())))
                .extracting(PaymentItem::getId).containsExactly(started.payment().getId());
        var created = f.gateway.created.getFirst();
        assertThat(created.description()).isEqualTo("Invoice INV-2026-000001");
        assertThat(created.key()).isEqualTo("domus-payment-" + f.owner + "-key-1");
        assertThat(created.metadata()).containsEntry(PaymentRequests.UNIT_ID, f.unit1.getId()).containsEntry(PaymentRequests.ORGANISATION_ID, f.org);
    }

    @Test
    void aPaymentWhoseSuccessCameBeforeTheRequestsOwnWriteKeepsTheSettledRecord() {
        // The gateway's intent id is known before the POST's write: its event settles it first.
        f.settlement.apply(stripe.succeeded("pi_test1", 10000, invoice.getId(), f.owner));
        var started = start(f.owner, "key-1");
        assertThat(started.payment().getId()).isEqualTo("pi_test1");
        PaymentItem stored = f.settlement.payment("pi_test1").orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(PaymentItem.SUCCEEDED);
        assertThat(stored.getPostedReceived()).isEqualTo(10000);
    }

    @Test
    void theRefusalsSayWhatIsWrong() {
        f.gateway.failure = new PaymentGateway.Refused("card_declined", "Your card was declined");
        assertThat(Refusals.field(() -> start(f.owner, "k"))).isEqualTo("paymentMethod");
        assertThat(Refusals.detail(() -> start(f.owner, "k"))).isEqualTo("was refused by the payment gateway (card_declined)");
        f.gateway.failure = new PaymentGateway.Unavailable("down", new RuntimeException());
        assertThat(Refusals.status(() -> start(f.owner, "k"))).isEqualTo(503);
        assertThat(Refusals.detail(() -> start(f.owner, "k"))).isEqualTo("The payment gateway is not answering; try again in a minute");
        f.gateway.failure = null;

        assertThat(Refusals.detail(() -> start(f.financeDelegate, "k"))).isEqualTo("You hold no right to pay for this unit");
        assertThat(Refusals.detail(() -> start(f.outsider, "k"))).isEqualTo("The invoice was not found");
        f.invoices.cancel(caller(f.manager), invoice.getId(), new InvoiceRequests.CancelInvoice("wrong"));
        assertThat(Refusals.detail(() -> start(f.owner, "k"))).isEqualTo("The invoice INV-2026-000001 is cancelled by credit note CN-2026-000001");
        InvoiceItem paid = f.invoice();
        f.settlement.apply(stripe.succeeded("pi_all", 29500, paid.getId(), f.owner));
        assertThat(Refusals.detail(() -> f.payments.start(caller(f.owner), new PaymentRequests.StartPayment(paid.getId(), "pm_card_visa"), "k")))
                .isEqualTo("The invoice INV-2026-000002 is paid");
    }

    @Test
    void aPaymentMethodIsAStripeIdAndTheInvoiceAnId() {
        assertThat(Refusals.errors(new PaymentRequests.StartPayment("01JINVOICE0000000000000000", "pm_card_visa"))).isEmpty();
        assertThat(Refusals.errors(new PaymentRequests.StartPayment("01JINVOICE0000000000000000", "card_visa"))).containsExactly("paymentMethod");
        assertThat(Refusals.errors(new PaymentRequests.StartPayment("01JINVOICE0000000000000000", "pm_"))).containsExactly("paymentMethod");
        assertThat(Refusals.errors(new PaymentRequests.StartPayment(null, null))).containsExactly("invoiceId", "paymentMethod");
    }
}
