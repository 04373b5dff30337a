package app.domus.rentals.stays;

import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Every five minutes (an EventBridge Scheduler schedule): the stay steps that wait for a partner are taken again (a
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
        return Observability.invocation(context, Observability.newCorrelationId(), () -> Map.of("advanced", saga.resume()));
    }

    /** Before the snapshot: every run may call partners, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
