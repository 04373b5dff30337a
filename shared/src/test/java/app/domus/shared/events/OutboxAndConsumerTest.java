package app.domus.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The outbox item an event is stored as, and the consumer base: once per event, partial batch failures, poison to the DLQ. */
class OutboxAndConsumerTest {
    private static final Instant AT = Instant.parse("2026-12-02T01:02:03.456Z");

    @Test
    void anOutboxItemIsKeyedByItsAggregateAndPendingInItsShardByTime() {
        DomainEvent event = new DomainEvent("01EVENT", "FaultReported", 1, AT, "o1", "corr-1234", Json.tree("{\"a\":1}"));
        OutboxItem item = OutboxItem.of(event, "fault-9", "{envelope}");
        int shard = Math.floorMod("fault-9".hashCode(), OutboxItem.PENDING_SHARDS);
        assertThat(item.getPk()).isEqualTo("OUTBOX#fault-9");
        assertThat(item.getSk()).isEqualTo("EVENT#01EVENT");
        assertThat(item.getGsi1pk()).isEqualTo("OUTBOX#PENDING#" + shard);
        assertThat(item.getGsi1sk()).isEqualTo(String.format("%013d", AT.toEpochMilli()) + "#01EVENT");
        assertThat(item.getEventId()).isEqualTo("01EVENT");
        assertThat(item.getEventType()).isEqualTo("FaultReported");
        assertThat(item.getAggregateId()).isEqualTo("fault-9");
        assertThat(item.getOccurredAt()).isEqualTo("2026-12-02T01:02:03.456Z");
        assertThat(item.getEnvelope()).isEqualTo("{envelope}");
        assertThat(item.getPublishedAt()).isNull();
        assertThat(OutboxItem.pendingSince(42)).isEqualTo("0000000000042");
        assertThat(OutboxItem.pendingShard(15)).isEqualTo("OUTBOX#PENDING#15");
    }

    @Test
    void anEventsShardIsOneOfSixteenAndTheSameForEveryEventOfItsAggregate() {
        java.util.Set<String> shards = new java.util.TreeSet<>();
        for (int i = 0; i < 200; i++) {
            DomainEvent event = new DomainEvent("e" + i, "T", 1, AT, "o1", "c", Json.tree("{}"));
            shards.add(OutboxItem.of(event, "aggregate-" + i, "{}").getGsi1pk());
            assertThat(OutboxItem.of(event, "aggregate-" + i, "{}").getGsi1pk())
                    .isEqualTo(OutboxItem.of(new DomainEvent("x", "T", 1, AT, "o1", "c", Json.tree("{}")), "aggregate-" + i, "{}").getGsi1pk());
        }
        assertThat(shards).hasSize(16).allMatch(s -> s.matches("OUTBOX#PENDING#([0-9]|1[0-5])"));
    }

    @Test
    void theOutboxItemOfAGivenIdCarriesTheWholeEnvelope() {
        OutboxItem item = new Outbox(null, Clock.systemUTC()).item("01GIVEN", AT, new NewEvent("ReadingTaken", "o1", "meter-1", Map.of("kwh", 5)));
        assertThat(item.getPk()).isEqualTo("OUTBOX#meter-1");
        assertThat(item.getSk()).isEqualTo("EVENT#01GIVEN");
        DomainEvent envelope = Json.read(item.getEnvelope(), DomainEvent.class);
        assertThat(envelope.id()).isEqualTo("01GIVEN");
        assertThat(envelope.type()).isEqualTo("ReadingTaken");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isEqualTo(AT);
        assertThat(envelope.organisationId()).isEqualTo("o1");
        assertThat(envelope.payload().get("kwh").asInt()).isEqualTo(5);
    }

    record Payload(String name) {}

    static final class Recording extends EventConsumer<Payload> {
        final List<String> handled = new ArrayList<>();
        final List<String> correlationIds = new ArrayList<>();

        Recording(IdempotencyStore store) {
            super(Payload.class, store, "Named", "Renamed");
        }

        @Override
        protected void handle(Payload event) {
            correlationIds.add(MDC.get("correlation_id"));
            if (event.name().equals("boom")) throw new IllegalStateException("boom");
            handled.add(event.name());
        }
    }

    private static String event(String id, String type, String payload) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"2026-12-02T01:00:00Z\","
                + "\"correlationId\":\"corr-0001-abcd\",\"payload\":" + payload + "}";
    }

    @Test
    void aConsumerHandlesEachEventOnceAndReportsOnlyTheFailedMessages() {
        Recording consumer = new Recording(new IdempotencyStore(LocalDynamo.client(), TestPlatform.config(), Clock.systemUTC()));
        SQSBatchResponse response = consumer.handleRequest(SqsEvents.batch(
                event("e1", "Named", "{\"name\":\"ann\"}"),
                event("e2", "Named", "{\"name\":\"boom\"}"),
                event("e3", "Other", "{\"name\":\"passed over\"}"),
                "not json",
                "{\"id\":\"e4\",\"type\":\"Named\"}",
                event("e5", "Renamed", "{\"name\":[1,2]}"),
                event("e1", "Named", "{\"name\":\"ann\"}"),
                event("e6", "Renamed", "{\"name\":\"bob\"}")), new TestContext());
        assertThat(consumer.handled).as("once each, another type passed over").containsExactly("ann", "bob");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .as("the failing handler, the message that is not JSON, not an event, a payload not of the type")
                .containsExactly("m1", "m3", "m4", "m5");
        assertThat(consumer.correlationIds).as("the event's correlation id is the handler's").containsOnly("corr-0001-abcd");
    }

    @Test
    void aConsumerConsumesAtLeastOneTypeAndPrimingTouchesNothing() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EventConsumer<Payload>(Payload.class, null) {
            @Override
            protected void handle(Payload event) {}
        }).isInstanceOf(IllegalArgumentException.class);
        Recording consumer = new Recording(null);
        consumer.prime();
        assertThat(consumer.handled).isEmpty();
    }
}
