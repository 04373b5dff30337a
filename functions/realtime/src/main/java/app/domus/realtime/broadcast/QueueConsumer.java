package app.domus.realtime.broadcast;

import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of this context's consumers of its own queues (live updates, typing checks), whose messages are not domain
 * events: each message is handled alone, and a failed one is reported so that only it is redelivered (and
 * dead-lettered in the end). Messages of one {@link #orderKey} are handled one after the other, in the batch's order;
 * different keys at the same time (a batch of updates for ten people's devices does not wait on one another). Before
 * a snapshot, an empty batch goes through the whole pipeline.
 */
public abstract class QueueConsumer implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    /** Handles one message's body; throws to have it redelivered. */
    protected abstract void handle(String body);

    /** What a message is, in the log line of a failure ("Live update", "Typing check"). */
    protected abstract String what();

    /** Messages with the same key are handled in order; by default all share one (the whole batch in order). */
    protected String orderKey(String body) {
        return "";
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new CopyOnWriteArrayList<>();
            Map<String, List<SQSEvent.SQSMessage>> byKey = new LinkedHashMap<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                byKey.computeIfAbsent(orderKey(message.getBody()), k -> new ArrayList<>()).add(message);
            }
            if (byKey.size() <= 1) {
                byKey.values().forEach(messages -> handleInOrder(messages, failures));
            } else {
                try (ExecutorService keys = Executors.newVirtualThreadPerTaskExecutor()) {
                    byKey.values().forEach(messages -> keys.submit(() -> handleInOrder(messages, failures)));
                }
            }
            // Reported in the batch's order, whatever order the keys finished in.
            List<String> failed = failures.stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
            List<SQSBatchResponse.BatchItemFailure> ordered = batch.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId)
                    .filter(failed::contains)
                    .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build()).toList();
            return SQSBatchResponse.builder().withBatchItemFailures(new ArrayList<>(ordered)).build();
        });
    }

    private void handleInOrder(List<SQSEvent.SQSMessage> messages, List<SQSBatchResponse.BatchItemFailure> failures) {
        for (SQSEvent.SQSMessage message : messages) {
            try {
                handle(message.getBody());
            } catch (RuntimeException e) {
                LOG.error("{} {} failed; it will be retried and then dead-lettered", what(), message.getMessageId(), e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
    }

    @Override
    public void prime() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());
        handleRequest(empty, Priming.context());
    }
}
