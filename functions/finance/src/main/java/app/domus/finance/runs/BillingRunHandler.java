package app.domus.finance.runs;

import app.domus.finance.FinanceComponent;
import app.domus.finance.FinanceEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.time.Duration;

/**
 * On {@code BillingRunStarted}: the run's job ({@link BillingRunService#process}). A delivery that fails, or that the
 * function's timeout cuts short, is delivered again and goes on from the run's progress; the units already invoiced
 * are not invoiced again.
 */
public class BillingRunHandler extends EventConsumer<FinanceEvents.BillingRunStarted> {
    private final BillingRunService runs;

    public BillingRunHandler() {
        this(FinanceComponent.create());
    }

    private BillingRunHandler(FinanceComponent wiring) {
        this(wiring.idempotency(), wiring.runs());
    }

    /** For tests of other packages (consumption billing) as much as for the public constructor. */
    public BillingRunHandler(IdempotencyStore idempotency, BillingRunService runs) {
        super(FinanceEvents.BillingRunStarted.class, idempotency, FinanceEvents.BILLING_RUN_STARTED);
        this.runs = runs;
    }

    /** The function's timeout: a delivery cut short by it no longer holds back the next. */
    @Override
    protected Duration inProgressWindow() {
        return Duration.ofSeconds(300);
    }

    @Override
    protected void handle(FinanceEvents.BillingRunStarted started) {
        runs.process(started.runId());
    }
}
