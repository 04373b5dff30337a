package app.domus.finance.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.finance.FinanceFixture;
import app.domus.finance.invoices.InvoiceItem;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a reminder records, which invoices count as owed, and the settings' bounds. */
class ReminderRecordsTest {
    private final FinanceFixture f = new FinanceFixture();

    @Test
    void aReminderLogsItsInvoiceAndCurrencyAndItsStateSaysWhenItWasWritten() {
        InvoiceItem invoice = f.invoice();
        f.clock.set(Instant.parse("2026-04-01T06:30:00Z"));
        f.reminders.remind(LocalDate.parse("2026-04-01"));
        ReminderStateItem state = f.reminders.state(invoice.getId());
        assertThat(state.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(state.getUpdatedAt()).isEqualTo("2026-04-01T06:30:00Z");
        ReminderItem logged = f.table.all(ReminderItem.class, ReminderItem.pk(invoice.getId()), ReminderItem.SK_PREFIX).getFirst();
        assertThat(logged.getInvoiceId()).isEqualTo(invoice.getId());
        assertThat(logged.getCurrency()).isEqualTo("EUR");

        f.clock.set(Instant.parse("2026-04-08T06:45:00Z"));
        f.reminders.remind(LocalDate.parse("2026-04-08"));
        assertThat(f.reminders.state(invoice.getId()).getUpdatedAt()).isEqualTo("2026-04-08T06:45:00Z");
        assertThat(f.reminders.state(invoice.getId()).getInvoiceId()).isEqualTo(invoice.getId());
    }

    private static InvoiceItem invoice(String status, long total, Long paid) {
        InvoiceItem invoice = new InvoiceItem();
        invoice.setStatus(status);
        invoice.setTotal(total);
        invoice.setPaidTotal(paid);
        return invoice;
    }

    @Test
    void anInvoiceIsOwedWhileIssuedOrPartlyPaidWithSomethingOutstanding() {
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.ISSUED, 100, null))).isTrue();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.ISSUED, 100, 99L))).isTrue();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.ISSUED, 100, 100L))).as("nothing left, whatever the status says").isFalse();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.PARTLY_PAID, 100, 99L))).isTrue();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.PARTLY_PAID, 100, 100L))).isFalse();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.PAID, 100, 0L))).isFalse();
        assertThat(PaymentReminders.owed(invoice(InvoiceItem.CANCELLED, 100, 0L))).isFalse();
    }

    @Test
    void theSettingsNeedAnIntervalAndAnEscalationOfOneAtLeast() {
        assertThat(new PaymentReminders.Settings(1, 1).intervalDays()).isEqualTo(1);
        assertThatThrownBy(() -> new PaymentReminders.Settings(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("REMINDER_INTERVAL_DAYS must be at least 1, not 0");
        assertThatThrownBy(() -> new PaymentReminders.Settings(7, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("REMINDERS_BEFORE_MANAGER must be at least 1, not 0");
        PaymentReminders.Settings defaults = PaymentReminders.Settings.fromEnvironment();
        assertThat(defaults).isEqualTo(new PaymentReminders.Settings(7, 3));
        assertThat(new PaymentReminders.Run(4, 2, 1, 1, 1).summary())
                .containsEntry("overdue", 4).containsEntry("sent", 2).containsEntry("escalated", 1).containsEntry("passedOver", 1).containsEntry("failed", 1);
    }

    @Test
    void withAOneDayIntervalAndTheFirstReminderEscalatingTheManagersHearAtOnceAndRemindersComeDaily() {
        PaymentReminders daily = new PaymentReminders(f.table, f.invoices, f.outbox, f.clock, new PaymentReminders.Settings(1, 1));
        InvoiceItem invoice = f.invoice();
        assertThat(daily.remind(LocalDate.parse("2026-04-01"))).isEqualTo(new PaymentReminders.Run(1, 1, 1, 0, 0));
        assertThat(daily.remind(LocalDate.parse("2026-04-01"))).isEqualTo(new PaymentReminders.Run(1, 0, 0, 1, 0));
        assertThat(daily.remind(LocalDate.parse("2026-04-02"))).isEqualTo(new PaymentReminders.Run(1, 1, 0, 0, 0));
        assertThat(f.table.all(ReminderItem.class, ReminderItem.pk(invoice.getId()), ReminderItem.SK_PREFIX))
                .extracting(ReminderItem::getEscalated).containsExactly(true, false);
    }
}
