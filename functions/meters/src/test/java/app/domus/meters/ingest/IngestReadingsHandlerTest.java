package app.domus.meters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.readings.ReadingItem;
import app.domus.meters.registry.DeviceService;
import app.domus.meters.registry.MeterItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The readings queue's consumer: stores what it can, dead-letters what it never can with the reason, retries the rest. */
class IngestReadingsHandlerTest {
    private static final String DLQ = "http://sqs.local/000000000000/MeterReadingsDLQ";
    private final MetersFixture f = new MetersFixture();
    private final MeterItem meter = f.electricityMeter();
    private final String deviceId = f.devices.register(DirectoryWorld.caller(f.manager), meter.getId()).device().getId();
    private final GatewayIngestionTest.QueueDouble sqs = new GatewayIngestionTest.QueueDouble();
    private final IngestReadingsHandler handler = new IngestReadingsHandler(f.ingestion, sqs, DLQ);
    private double value = 10;

    private SQSEvent.SQSMessage reading(String id, Instant at) {
        String payload = "{\"deviceId\":\"" + deviceId + "\",\"value\":" + (value += 1) + ",\"timestamp\":\"" + at + "\"}";
        return message(id, Json.write(Map.of("payload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)),
                "topic", DeviceService.readingsTopic(deviceId), "clientId", deviceId, "receivedAt", f.clock.millis())));
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        return m;
    }

    private SQSBatchResponse handle(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return handler.handleRequest(event, null);
    }

    private List<ReadingItem> stored() {
        return f.partition(ReadingItem.class, ReadingItem.pk(meter.getId())).stream().filter(r -> !r.getSk().startsWith("DAY#")).toList();
    }

    private List<SendMessageBatchRequestEntry> deadLettered() {
        return sqs.batches.stream().flatMap(b -> b.entries().stream()).toList();
    }

    @Test
    void theGoodReadingsAreStoredAndTheOneThatNeverCanBeGoesToTheDlqWithItsReason() {
        SQSBatchResponse response = handle(reading("a", Instant.parse("2026-03-02T08:00:00Z")), message("b", "not json"),
                reading("c", Instant.parse("2026-03-02T08:15:00Z")));
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(2);
        assertThat(sqs.batches).singleElement().satisfies(b -> assertThat(b.queueUrl()).isEqualTo(DLQ));
        assertThat(deadLettered()).singleElement().satisfies(e -> {
            assertThat(e.messageBody()).isEqualTo("not json");
            assertThat(e.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("b");
            assertThat(e.messageAttributes().get("reason").stringValue()).isNotBlank();
            assertThat(e.messageAttributes().get("reason").dataType()).isEqualTo("String");
        });
    }

    @Test
    void aReadingDeliveredAgainIsNeitherStoredTwiceNorDeadLettered() {
        SQSEvent.SQSMessage once = reading("a", Instant.parse("2026-03-02T08:00:00Z"));
        handle(once);
        SQSBatchResponse again = handle(message("a2", once.getBody()));
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(stored()).hasSize(1);
        assertThat(sqs.batches).isEmpty();
    }

    @Test
    void rejectedMessagesGoToTheDlqTenAtATime() {
        SQSEvent.SQSMessage[] bad = IntStream.range(0, 12).mapToObj(i -> message("bad-" + i, "{\"nope\":" + i + "}")).toArray(SQSEvent.SQSMessage[]::new);
        assertThat(handle(bad).getBatchItemFailures()).isEmpty();
        assertThat(sqs.batches).extracting(b -> b.entries().size()).containsExactly(10, 2);
        assertThat(deadLettered()).extracting(e -> e.messageAttributes().get("sourceMessageId").stringValue())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 12).mapToObj(i -> "bad-" + i).toList());
        assertThat(sqs.batches.get(1).entries()).extracting(SendMessageBatchRequestEntry::id).containsExactly("0", "1");
    }

    @Test
    void aRejectedMessageTheDlqRefusesIsDeliveredAgainInsteadOfLost() {
        sqs.failBatch = 1;
        SQSBatchResponse response = handle(message("x", "not json"), message("y", "[]"), reading("ok", Instant.parse("2026-03-02T08:00:00Z")));
        var refused = sqs.batches.getFirst().entries().getLast().messageAttributes().get("sourceMessageId").stringValue();
        assertThat(refused).isIn("x", "y");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly(refused);
        assertThat(stored()).hasSize(1);
    }

    @Test
    void whenTheDlqIsDownEveryRejectedMessageComesAgainAndTheStoredOnesDoNot() {
        sqs.down = true;
        SQSBatchResponse response = handle(message("x", "not json"), reading("ok", Instant.parse("2026-03-02T08:00:00Z")), message("y", "{}"));
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder("x", "y");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void whenIngestionItselfFailsTheWholeBatchComesAgain() {
        IngestReadingsHandler broken = new IngestReadingsHandler(new ReadingIngestion(f.directory, f.batchStore, f.outbox, f.clock) {
            @Override
            public List<Result> ingest(List<Message> messages) {
                throw new IllegalStateException("the table is unavailable");
            }
        }, sqs, DLQ);
        SQSEvent event = new SQSEvent();
        event.setRecords(new ArrayList<>(List.of(reading("a", Instant.parse("2026-03-02T08:00:00Z")), message("b", "not json"))));
        SQSBatchResponse response = broken.handleRequest(event, null);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier).containsExactly("a", "b");
        assertThat(sqs.batches).isEmpty();
    }

    @Test
    void primingRunsAnEmptyBatchThatTouchesNothing() {
        int before = f.itemCount();
        handler.prime();
        assertThat(f.itemCount()).isEqualTo(before);
        assertThat(sqs.batches).isEmpty();
    }
}
