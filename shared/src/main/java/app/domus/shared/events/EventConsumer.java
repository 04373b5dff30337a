package app.domus.shared.events;

import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every handler that consumes domain events from an SQS queue subscribed (raw delivery) to the
 * events topic. Each message is handled once per consumer through the idempotency store, keyed by the
 * event id; a failed message is reported in {@code batchItemFailures} so that only it is redelivered, and
 * after the queue's {@code maxReceiveCount} it lands in the DLQ. A message that is not an event at all is
 * also reported as failed, so that it too ends in the DLQ rather than vanishing.
 */
public abstract class EventConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);

    protected abstract IdempotencyStore idempotency();

    /** Handles one event; throw to have it redelivered. */
    protected abstract void handle(DomainEvent event);

    /** Upper bound of one message's work, after which a crashed attempt no longer blocks a retry. */
    protected Duration inProgressWindow() {
        return Duration.ofSeconds(60);
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        String scope = getClass().getSimpleName();
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    DomainEvent event = Json.read(message.getBody(), DomainEvent.class);
                    if (event.id() == null || event.type() == null) throw new IllegalArgumentException("not a domain event");
                    MDC.put(Observability.CORRELATION_ID, Observability.acceptOrCreate(event.correlationId()));
                    idempotency().once(scope, event.id(), message.getBody(), inProgressWindow(), () -> {
                        handle(event);
                        return "done";
                    });
                } catch (RuntimeException e) {
                    LOG.error("Message {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    Observability.count("ConsumerFailures", "Consumer", scope);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }
}
