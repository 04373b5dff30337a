package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Every 15 minutes (an EventBridge Scheduler schedule): one sync request per channel on the sync queue, so that each
 * channel is synced by its own invocation and a slow or failing one holds up no other.
 */
public class ScheduleChannelSyncsHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, Priming.Primeable {
    private final Priming priming = Priming.register(this);
    private final Channels channels;

    public ScheduleChannelSyncsHandler() {
        this(RentalsComponent.create().channels());
    }

    public ScheduleChannelSyncsHandler(Channels channels) {
        this.channels = channels;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(), () -> Map.of("queued", channels.queueAll()));
    }

    /** Before the snapshot: every run queues work, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
