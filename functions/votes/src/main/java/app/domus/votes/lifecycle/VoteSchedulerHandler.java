package app.domus.votes.lifecycle;

import app.domus.shared.snapstart.Priming;
import app.domus.shared.observability.Observability;
import app.domus.votes.VotesComponent;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Every minute (an EventBridge Scheduler schedule): opens and closes the votes whose time has come. */
public class VoteSchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private final VoteScheduler scheduler;

    public VoteSchedulerHandler() {
        this(VotesComponent.create().scheduler());
    }

    VoteSchedulerHandler(VoteScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> {
            VoteScheduler.Round round = scheduler.run();
            return Map.of("opened", round.opened(), "closed", round.closed());
        });
    }

    /** Before the snapshot: every request here has effects, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
