package app.domus.shared.events;

import app.domus.shared.config.Env;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Base of every handler that consumes domain events from an SQS queue subscribed (raw delivery) to the events topic:
 * a consumer is its {@link #handle(Object)} of the event's payload, read as {@code T}. Each message is handled once
 * per consumer through the idempotency store, keyed by the event id (the outbox's stream delivers at least once); a
 * failed message is reported in {@code batchItemFailures} so that only it is redelivered, and after the queue's
 * {@code maxReceiveCount} it lands in the DLQ. A message that is not an event, or whose payload does not read as
 * {@code T}, is reported as failed too, so that it ends in the DLQ rather than vanishing; an event of a type the
 * consumer does not consume is acknowledged and passed over.
 *
 * @param <T> the payload type; one record for the one event type consumed, or for several whose payloads share it
 */
public abstract class EventConsumer<T> implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    /** An event no consumer consumes: priming reads it and passes over it, touching nothing. */
    private static final String PRIMING_EVENT = "{\"id\":\"priming\",\"type\":\"SnapStartPriming\",\"version\":1,"
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"correlationId\":\"snapstart-priming\",\"payload\":{}}";

    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private final Class<T> payloadType;
    private final Set<String> eventTypes;
    private final IdempotencyStore idempotency;

    /** @param eventTypes the event types consumed: what the queue's filter policy lets through */
    protected EventConsumer(Class<T> payloadType, IdempotencyStore idempotency, String... eventTypes) {
        if (eventTypes.length == 0) throw new IllegalArgumentException("A consumer consumes at least one event type");
        this.payloadType = payloadType;
        this.idempotency = idempotency;
        this.eventTypes = Set.of(eventTypes);
    }

    /** Before the snapshot: a batch through the whole pipeline with an event of no consumed type, which is passed over. */
    @Override
    public void prime() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setBody(PRIMING_EVENT);
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message));
        handleRequest(batch, Priming.context());
    }

    /** Handles one event; throw to have it redelivered. */
    protected abstract void handle(T event);

    /**
     * Handles one event with its envelope (id, type, time, organisation), for a consumer that records the event itself
     * (the audit trail); by default the payload alone goes to {@link #handle(Object)}. Throw to have it redelivered.
     */
    protected void handle(DomainEvent envelope, T event) {
        handle(event);
    }

    /** Upper bound of one message's work, after which a crashed attempt no longer blocks a retry. */
    protected Duration inProgressWindow() {
        // 60 s unless the stage says otherwise: the local cloud's kill -9 test shortens it to see a crashed attempt
        // taken up again within the test.
        return Duration.ofSeconds(Env.intOrDefault("IDEMPOTENCY_IN_PROGRESS_SECONDS", 60));
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        String scope = getClass().getSimpleName();
        return Observability.invocation(context, "batch-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    DomainEvent event = Json.read(message.getBody(), DomainEvent.class);
                    if (event.id() == null || event.type() == null || event.payload() == null) {
                        throw new IllegalArgumentException("not a domain event");
                    }
                    if (!eventTypes.contains(event.type())) {
                        // The queue's filter policy lets only these through; another type is not for this consumer.
                        LOG.info("{} passes over a {} event", scope, event.type());
                        continue;
                    }
                    T payload = Json.MAPPER.treeToValue(event.payload(), payloadType);
                    MDC.put(Observability.CORRELATION_ID, Observability.acceptOrCreate(event.correlationId()));
                    idempotency.once(scope, event.id(), message.getBody(), inProgressWindow(), () -> {
                        handle(event, payload);
                        return "done";
                    });
                } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
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
