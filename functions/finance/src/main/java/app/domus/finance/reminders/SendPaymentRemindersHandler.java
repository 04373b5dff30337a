package app.domus.finance.reminders;

import app.domus.finance.FinanceComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Daily (an EventBridge Scheduler schedule whose input is {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}):
 * the payment reminders for the UTC day the run was scheduled for ({@link PaymentReminders}), so that a late or retried
 * run works for its own day; without {@code scheduledTime}, today by the clock. Fails when a reminder failed, after the
 * others went out: a retry sends only what is still due.
 */
public class SendPaymentRemindersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private final PaymentReminders reminders;
    private final Clock clock;

    public SendPaymentRemindersHandler() {
        this(FinanceComponent.create());
    }

    private SendPaymentRemindersHandler(FinanceComponent wiring) {
        this(wiring.reminders(), wiring.clock());
    }

    SendPaymentRemindersHandler(PaymentReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            LocalDate day = day(schedule);
            PaymentReminders.Run run = reminders.remind(day);
            if (run.failed() > 0) {
                throw new IllegalStateException(run.failed() + " of " + run.overdue() + " overdue invoices were not reminded on " + day
                        + " (see the errors above); running again sends only what is still due");
            }
            return run.summary();
        });
    }

    /** The UTC day of {@code scheduledTime}, or of the clock when the input has none. */
    LocalDate day(Map<String, Object> schedule) {
        Object scheduled = schedule == null ? null : schedule.get("scheduledTime");
        if (scheduled == null) return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            return LocalDate.ofInstant(Instant.parse(scheduled.toString()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime is not an ISO-8601 instant: " + scheduled, e);
        }
    }

    /** Before the snapshot: every run sends reminders, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
