package app.domus.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment reminders the finance context sends, rendered with the data it sends them. */
class FinanceTemplatesTest {
    private static final Map<String, String> OVERDUE = Map.of("number", "INV-2026-000042", "place", "unit 1A of Linden House",
            "amount", "271.23 EUR", "dueDate", "2026-12-31", "daysOverdue", "15 days", "reminderNumber", "3");

    @Test
    void theOwnerIsRemindedOfWhatIsOwedAndSinceWhen() {
        assertThat(Templates.render("payment-overdue", OVERDUE)).isEqualTo(new Templates.Message(
                "Reminder 3: invoice INV-2026-000042 is overdue",
                "Invoice INV-2026-000042 for unit 1A of Linden House was due on 2026-12-31 and is 15 days overdue: 271.23 EUR is still"
                        + " to be paid.\n\nPay it in the Domus app. If you have paid in the last few days, thank you, and please ignore this reminder."));
    }

    @Test
    void theManagerHearsAfterTheRemindersWentUnanswered() {
        assertThat(Templates.render("payment-overdue-manager", OVERDUE)).isEqualTo(new Templates.Message(
                "Invoice INV-2026-000042 still unpaid after 3 reminders",
                "Invoice INV-2026-000042 for unit 1A of Linden House was due on 2026-12-31 and is 15 days overdue: 271.23 EUR is still owed."
                        + " Its owners have had 3 reminders.\n\nPlease follow it up with them."));
        assertThatThrownBy(() -> Templates.render("payment-overdue-manager", Map.of("number", "INV-2026-000042")))
                .hasMessageContaining("reminderNumber");
    }
}
