package app.domus.finance.reminders;

import app.domus.finance.FinanceEvents;
import app.domus.finance.Recipients;
import app.domus.finance.documents.InvoiceDocuments;
import app.domus.finance.invoices.InvoiceItem;
import app.domus.finance.invoices.InvoiceService;
import app.domus.finance.money.Money;
import app.domus.shared.access.AccessService;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a payment reminder is logged ({@code PaymentOverdue}): the unit's owners and {@code view_finances} delegates are
 * told (template {@code payment-overdue}, category finance: e-mail and push as each prefers), and on the escalating
 * reminder the building's managers too ({@code payment-overdue-manager}). The amount is what the invoice still owes
 * when the notice goes out; an invoice settled or cancelled since the reminder was logged is not chased. Safe to run
 * again: notification ids derive from the invoice, the reminder's number and the person, so the notifier sends each once.
 */
@Singleton
public class PaymentOverdueNotices {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentOverdueNotices.class);

    private final InvoiceService invoices;
    private final Recipients recipients;
    private final AccessService access;
    private final NotificationSender notifications;

    @Inject
    public PaymentOverdueNotices(InvoiceService invoices, Recipients recipients, AccessService access, NotificationSender notifications) {
        this.invoices = invoices;
        this.recipients = recipients;
        this.access = access;
        this.notifications = notifications;
    }

    public void paymentOverdue(FinanceEvents.PaymentOverdue overdue) {
        InvoiceItem invoice = invoices.load(overdue.invoiceId())
                .orElseThrow(() -> new IllegalStateException("Invoice " + overdue.invoiceId() + " is not stored"));
        if (!PaymentReminders.owed(invoice)) {
            LOG.info("Invoice {} is {} since reminder {}; nobody is chased", invoice.getId(), invoice.getStatus(), overdue.reminderNumber());
            return;
        }
        Map<String, String> data = Map.of("number", invoice.getNumber(), "place", InvoiceDocuments.place(invoice),
                "amount", Money.format(invoice.outstanding(), invoice.getCurrency()), "dueDate", invoice.getDueDate(),
                "daysOverdue", days(overdue.daysOverdue()), "reminderNumber", String.valueOf(overdue.reminderNumber()));
        String reminder = invoice.getId() + "-" + overdue.reminderNumber() + "-";
        for (String person : recipients.ofUnit(invoice.getBuildingId(), invoice.getUnitId())) {
            notifications.send(new NotificationRequest("payment-overdue-" + reminder + person, person, null, Category.FINANCE,
                    "payment-overdue", data));
        }
        if (!overdue.escalate()) return;
        for (String manager : access.membersOf(invoice.getBuildingId(), Role.MANAGER).stream().map(MembershipItem::getUserId).distinct().toList()) {
            notifications.send(new NotificationRequest("payment-overdue-manager-" + reminder + manager, manager, null, Category.FINANCE,
                    "payment-overdue-manager", data));
        }
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
