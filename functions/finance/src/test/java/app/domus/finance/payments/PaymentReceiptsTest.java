package app.domus.finance.payments;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receipts for money received, from the PaymentReceived events: who gets one, once, saying what. */
class PaymentReceiptsTest {
    private final FinanceFixture f = new FinanceFixture();
    private final InvoiceItem invoice = f.invoice(); // 295.00 EUR
    private final StripeEvents stripe = new StripeEvents(f.clock);
    private final PaymentReceiptsHandler handler = new PaymentReceiptsHandler(f.idempotency, new PaymentReceipts(f.recipients, f.notifications));

    private void deliverReceived() {
        var events = f.events.ofType(FinanceEvents.PAYMENT_RECEIVED).toArray(new app.domus.shared.events.DomainEvent[0]);
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(events), new TestContext()))).isEmpty();
    }

    @Test
    void theOwnersTheFinanceDelegatesAndAPayerWhoIsNeitherEachGetAReceiptOnce() {
        f.clock.set(Instant.parse("2026-03-05T10:00:00Z"));
        f.settlement.apply(stripe.succeeded("pi_1", 10000, invoice.getId(), f.payDelegate));
        deliverReceived();
        deliverReceived();
        var receipts = f.notifications.ofTemplate(PaymentReceipts.TEMPLATE);
        assertThat(receipts).extracting(NotificationRequest::userId).containsOnly(f.owner, f.financeDelegate, f.payDelegate);
        assertThat(receipts).extracting(NotificationRequest::id).containsOnly("receipt-pi_1-10000-" + f.owner, "receipt-pi_1-10000-" + f.financeDelegate,
                "receipt-pi_1-10000-" + f.payDelegate);
        assertThat(receipts).allSatisfy(r -> {
            assertThat(r.category()).isEqualTo(Category.FINANCE);
            assertThat(r.data()).containsEntry("invoiceNumber", "INV-2026-000001").containsEntry("amount", "100.00 EUR")
                    .containsEntry("outstanding", "195.00 EUR").containsEntry("status", "partly paid").containsEntry("receivedAt", "2026-03-05T10:00:00Z");
        });
    }

    @Test
    void anOverpaymentShowsNothingOutstandingAndAPayerWhoIsAnOwnerIsToldOnce() {
        f.settlement.apply(stripe.succeeded("pi_2", 30000, invoice.getId(), f.owner));
        deliverReceived();
        var receipts = f.notifications.ofTemplate(PaymentReceipts.TEMPLATE);
        assertThat(receipts).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.owner, f.financeDelegate);
        assertThat(receipts).allSatisfy(r -> assertThat(r.data()).containsEntry("outstanding", "0.00 EUR").containsEntry("status", "paid")
                .containsEntry("amount", "300.00 EUR"));
    }

    @Test
    void aPaymentWithoutAPayerGoesToTheUnitsPeopleOnly() {
        f.settlement.apply(stripe.succeeded("pi_3", 29500, invoice.getId(), null));
        deliverReceived();
        assertThat(f.notifications.ofTemplate(PaymentReceipts.TEMPLATE)).extracting(NotificationRequest::userId)
                .containsExactlyInAnyOrder(f.owner, f.financeDelegate);
    }
}
