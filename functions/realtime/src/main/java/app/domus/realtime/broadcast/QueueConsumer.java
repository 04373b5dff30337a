package app.domus.realtime.broadcast;

import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of this context's consumers of its own queues (live updates, typing checks), whose messages are not domain
 * events: each message is handled alone, and a failed one is reported so that only it is redelivered (and
 * dead-lettered in the end). Before a snapshot, an empty batch goes through the whole pipeline.
 */
public abstract class QueueConsumer implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    /** Handles one message's body; throws to have it redelivered. */
    protected abstract void handle(String body);

    /** What a message is, in the log line of a failure ("Live update", "Typing check"). */
    protected abstract String what();

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    handle(message.getBody());
                } catch (RuntimeException e) {
                    LOG.error("{} {} failed; it will be retried and then dead-lettered", what(), message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    @Override
    public void prime() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());
        handleRequest(empty, Priming.context());
    }
}
