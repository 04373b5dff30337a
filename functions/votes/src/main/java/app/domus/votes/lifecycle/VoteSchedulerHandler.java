package app.domus.votes.lifecycle;

import app.domus.shared.observability.Observability;
import app.domus.votes.VotesComponent;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Every minute (an EventBridge Scheduler schedule): opens and closes the votes whose time has come. */
public class VoteSchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {
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
}
