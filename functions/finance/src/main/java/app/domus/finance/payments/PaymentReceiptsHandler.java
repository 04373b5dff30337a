package app.domus.finance.payments;

import app.domus.finance.FinanceComponent;
import app.domus.finance.FinanceEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/** On {@code PaymentReceived}: the receipt e-mails ({@link PaymentReceipts}). */
public class PaymentReceiptsHandler extends EventConsumer<FinanceEvents.PaymentReceived> {
    private final PaymentReceipts receipts;

    public PaymentReceiptsHandler() {
        this(FinanceComponent.create());
    }

    private PaymentReceiptsHandler(FinanceComponent wiring) {
        this(wiring.idempotency(), wiring.receipts());
    }

    PaymentReceiptsHandler(IdempotencyStore idempotency, PaymentReceipts receipts) {
        super(FinanceEvents.PaymentReceived.class, idempotency, FinanceEvents.PAYMENT_RECEIVED);
        this.receipts = receipts;
    }

    @Override
    protected void handle(FinanceEvents.PaymentReceived payment) {
        receipts.send(payment);
    }
}
