package app.domus.finance.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.finance.FinanceEvents;
import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who hears of a payment reminder, once each: the unit's owners and finance delegates, and at the third the managers. */
class PaymentOverdueNoticesTest {
    private final FinanceFixture f = new FinanceFixture();
    private final PaymentOverdueNoticesHandler handler = new PaymentOverdueNoticesHandler(f.idempotency, f.overdueNotices);

    private List<DomainEvent> overdue() {
        return f.events.ofType(FinanceEvents.PAYMENT_OVERDUE);
    }

    private void deliver(DomainEvent... events) {
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(events), new TestContext()))).isEmpty();
    }

    @Test
    void theOwnerAndTheFinanceDelegateAreRemindedOnceEachEvenWhenTheEventComesAgain() throws Exception {
        f.invoice();
        f.reminders.remind(LocalDate.parse("2026-04-01"));
        DomainEvent event = overdue().getFirst();
        deliver(event);

        List<NotificationRequest> notices = f.notifications.ofTemplate("payment-overdue");
        assertThat(notices).extracting(NotificationRequest::userId).containsExactlyInAnyOrder(f.owner, f.financeDelegate);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.category()).isEqualTo(Category.FINANCE);
            assertThat(n.data()).containsEntry("number", "INV-2026-000001").containsEntry("place", "unit 1A of Tower A")
                    .containsEntry("amount", "295.00 EUR").containsEntry("dueDate", "2026-03-31")
                    .containsEntry("daysOverdue", "1 day").containsEntry("reminderNumber", "1");
        });
        assertThat(f.notifications.ofTemplate("payment-overdue-manager")).as("the first reminder does not escalate").isEmpty();

        // Redelivered: the consumer's idempotency passes over it; past that, the same notification ids go to the notifier.
        deliver(event);
        assertThat(f.notifications.sent).hasSize(2);
        f.overdueNotices.paymentOverdue(Json.MAPPER.treeToValue(event.payload(), FinanceEvents.PaymentOverdue.class));
        assertThat(f.notifications.delivered()).hasSize(2);
    }

    @Test
    void theThirdReminderAlsoTellsTheBuildingsManagers() {
        f.invoice();
        for (String day : List.of("2026-04-01", "2026-04-08", "2026-04-15")) f.reminders.remind(LocalDate.parse(day));
        deliver(overdue().toArray(DomainEvent[]::new));

        assertThat(f.notifications.ofTemplate("payment-overdue")).hasSize(6);
        assertThat(f.notifications.delivered()).filteredOn(n -> n.template().equals("payment-overdue"))
                .extracting(n -> n.data().get("reminderNumber")).containsExactlyInAnyOrder("1", "1", "2", "2", "3", "3");
        assertThat(f.notifications.ofTemplate("payment-overdue-manager")).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(f.manager);
            assertThat(n.category()).isEqualTo(Category.FINANCE);
            assertThat(n.data()).containsEntry("reminderNumber", "3").containsEntry("daysOverdue", "15 days")
                    .containsEntry("amount", "295.00 EUR").containsEntry("place", "unit 1A of Tower A");
        });
    }

    @Test
    void anInvoicePaidSinceTheReminderWasLoggedIsNotChased() {
        InvoiceItem invoice = f.invoice();
        f.reminders.remind(LocalDate.parse("2026-04-01"));
        InvoiceItem paid = f.invoices.load(invoice.getId()).orElseThrow();
        paid.setPaidTotal(paid.getTotal());
        paid.setStatus(InvoiceItem.PAID);
        f.table.of(InvoiceItem.class).updateItem(paid);

        deliver(overdue().getFirst());
        assertThat(f.notifications.sent).isEmpty();
    }
}
