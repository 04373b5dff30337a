package app.domus.finance.reminders;

import app.domus.finance.FinanceComponent;
import app.domus.finance.FinanceEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code PaymentOverdue}: the reminder's e-mails and pushes to the unit's people, and to its managers when it escalates. */
public class PaymentOverdueNoticesHandler extends EventConsumer<FinanceEvents.PaymentOverdue> {
    private final PaymentOverdueNotices notices;

    public PaymentOverdueNoticesHandler() {
        this(FinanceComponent.create());
    }

    private PaymentOverdueNoticesHandler(FinanceComponent wiring) {
        this(wiring.idempotency(), wiring.overdueNotices());
    }

    PaymentOverdueNoticesHandler(IdempotencyStore idempotency, PaymentOverdueNotices notices) {
        super(FinanceEvents.PaymentOverdue.class, idempotency, FinanceEvents.PAYMENT_OVERDUE);
        this.notices = notices;
    }

    @Override
    protected void handle(FinanceEvents.PaymentOverdue overdue) {
        notices.paymentOverdue(overdue);
    }
}
