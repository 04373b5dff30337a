package app.domus.rentals.stays;

import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Every five minutes (an EventBridge Scheduler schedule whose input is {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}): the stay steps that wait for a partner are taken again (a
 * keypad code for a lock that was offline, a revocation, the police portal's answer, a withdrawal).
 */
public class ResumeStaysHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final StaySaga saga;

    public ResumeStaysHandler() {
        this(StaysComponent.create().saga());
    }

    public ResumeStaysHandler(StaySaga saga) {
        this.saga = saga;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> Map.of("advanced", saga.resume(dueBy(schedule))));
    }

    /** The schedule's {@code scheduledTime} (the Scheduler's {@code <aws.scheduler.scheduled-time>}), or now without one. */
    static Instant dueBy(Map<String, Object> schedule) {
        Object scheduled = schedule == null ? null : schedule.get("scheduledTime");
        if (scheduled == null) return Instant.EPOCH;
        try {
            return Instant.parse(scheduled.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime is not an ISO-8601 instant: " + scheduled, e);
        }
    }

    /** Before the snapshot: every run may call partners, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
