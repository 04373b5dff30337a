package app.domus.platform.outbox;

import app.domus.shared.snapstart.Priming;
import app.domus.platform.PlatformComponent;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;

/**
 * On a schedule: publishes outbox items that are still pending after {@link #GRACE} — the safety net under the
 * stream, whose retries end and whose records expire after 24 hours. Publishing twice is harmless (consumers
 * deduplicate by event id); never publishing is what this prevents.
 */
public class SweepOutboxHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    /** Longer than the stream takes to deliver, with its retries, in normal operation. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private final OutboxRelay relay;

    public SweepOutboxHandler() {
        this(PlatformComponent.create().outboxRelay());
    }

    SweepOutboxHandler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> schedule, Context context) {
        return Observability.invocation(context, Observability.newCorrelationId(),
                () -> Map.of("published", relay.sweep(GRACE)));
    }

    /** Before the snapshot: every request here has effects, so only the pipeline warms. */
    @Override
    public void prime() {
        Priming.warmPipeline();
    }
}
