package app.domus.realtime.broadcast;

import app.domus.shared.snapstart.Priming;
import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.topics.Topics;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveUpdate;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the live-updates queue that every context sends to through the kernel's {@code LiveUpdates} port, and
 * broadcasts each update to the connections following its topic. An update overtaken by a later one on the same
 * topic is dropped; a failed one is reported so that only it is redelivered (and dead-lettered in the end).
 */
public class LiveUpdateHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdateHandler.class);

    private final Topics topics;
    private final TopicBroadcaster broadcaster;

    public LiveUpdateHandler() {
        this(RealtimeComponent.create());
    }

    private LiveUpdateHandler(RealtimeComponent wiring) {
        this(wiring.topics(), wiring.broadcaster());
    }

    LiveUpdateHandler(Topics topics, TopicBroadcaster broadcaster) {
        this.topics = topics;
        this.broadcaster = broadcaster;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    LiveUpdate update = Json.read(message.getBody(), LiveUpdate.class);
                    if (update.topic() == null || update.message() == null) throw new IllegalArgumentException("not a live update");
                    if (!topics.advance(update.topic(), update.sentAt())) {
                        LOG.info("Dropped an update of {} overtaken by a later one", update.topic());
                        continue;
                    }
                    broadcaster.broadcast(update.topic(), update.message());
                } catch (RuntimeException e) {
                    LOG.error("Live update {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    /** Before the snapshot: an empty batch through the whole pipeline. */
    @Override
    public void prime() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(java.util.List.of());
        handleRequest(empty, Priming.context());
    }
}
