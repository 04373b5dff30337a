package app.domus.shared.queue;

import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Base of a handler of a work queue of JSON messages (not domain events: see {@code EventConsumer}): each message read
 * as {@code T} and handled; one that is not JSON, or that {@link #handle} refuses as {@link Poison}, goes to the DLQ at
 * once with its reason (attributes {@code reason}, {@code sourceMessageId}); any other failure is the batch item's
 * failure, tried again and after the queue's {@code maxReceiveCount} dead-lettered.
 */
public abstract class QueueMessageHandler<T> implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueMessageHandler.class);

    /** A message that can never succeed: dead-lettered at once with this reason. */
    public static final class Poison extends RuntimeException {
        public Poison(String reason) {
            super(reason);
        }
    }

    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);
    private final Class<T> type;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    protected QueueMessageHandler(Class<T> type, SqsClient sqs, String deadLetterQueueUrl) {
        this.type = type;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /** Handles one message; throw {@link Poison} to dead-letter it now, anything else to have it tried again. */
    protected abstract void handle(T message);

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        String scope = getClass().getSimpleName();
        return Observability.invocation(context, "queue-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    handle(Json.MAPPER.readValue(message.getBody(), type));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    deadLetter(scope, message, "not JSON: " + e.getOriginalMessage());
                } catch (Poison e) {
                    deadLetter(scope, message, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("{}: message {} failed; it will be retried and then dead-lettered", scope, message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private void deadLetter(String scope, SQSEvent.SQSMessage message, String reason) {
        LOG.warn("{}: message {} dead-lettered: {}", scope, message.getMessageId(), reason);
        Observability.count("MessagesDeadLettered", "Handler", scope);
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(message.getBody()).messageAttributes(Map.of(
                "reason", MessageAttributeValue.builder().dataType("String").stringValue(reason).build(),
                "sourceMessageId", MessageAttributeValue.builder().dataType("String").stringValue(message.getMessageId()).build())));
    }

    /** Before the snapshot: an empty batch through the pipeline (nothing is read or written). */
    @Override
    public void prime() {
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of());
        handleRequest(batch, Priming.context());
        Priming.warmPipeline();
    }
}
