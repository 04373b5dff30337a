package app.domus.finance.payments;

import app.domus.finance.FinanceEvents;
import app.domus.finance.Recipients;
import app.domus.finance.money.Money;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The receipt for money received: to the unit's owners and {@code view_finances} delegates, and to the payer (a
 * delegate paying with {@code pay} alone). One per payment and person: the id lets the notifier drop a redelivery.
 */
@Singleton
public class PaymentReceipts {
    public static final String TEMPLATE = "payment-receipt";

    private final Recipients recipients;
    private final NotificationSender notifications;

    @Inject
    public PaymentReceipts(Recipients recipients, NotificationSender notifications) {
        this.recipients = recipients;
        this.notifications = notifications;
    }

    public void send(FinanceEvents.PaymentReceived payment) {
        Set<String> people = new LinkedHashSet<>(recipients.ofUnit(payment.buildingId(), payment.unitId()));
        if (payment.payerId() != null) people.add(payment.payerId());
        for (String person : people) {
            notifications.send(new NotificationRequest("receipt-" + payment.paymentId() + "-" + payment.amount() + "-" + person, person, null,
                    Category.FINANCE, TEMPLATE, Map.of(
                            "invoiceNumber", payment.invoiceNumber(),
                            "amount", Money.format(payment.amount(), payment.currency()),
                            "outstanding", Money.format(Math.max(payment.outstanding(), 0), payment.currency()),
                            "status", payment.invoiceStatus().replace('_', ' '),
                            "receivedAt", payment.receivedAt())));
        }
    }
}
