package app.domus.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/** The relay from the table's outbox to the events topic, on DynamoDB Local with an SNS double that can be down. */
class OutboxRelayTest {
    /** SNS as the relay uses it: keeps what is published; while {@code down}, fails as SNS does when it errs. */
    static final class SnsDouble implements SnsClient {
        final List<PublishRequest> published = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Override
        public PublishResponse publish(PublishRequest request) {
            if (down) throw software.amazon.awssdk.services.sns.model.InternalErrorException.builder().message("SNS is down").build();
            published.add(request);
            return PublishResponse.builder().messageId("m-" + published.size()).build();
        }

        List<String> types() {
            return published.stream().map(p -> p.messageAttributes().get("eventType").stringValue()).toList();
        }

        @Override public String serviceName() { return "sns"; }
        @Override public void close() {}
    }

    private final DirectoryWorld world = new DirectoryWorld(java.time.Instant.now());
    private final SnsDouble sns = new SnsDouble();
    private final OutboxRelay relay = new OutboxRelay(sns, LocalDynamo.client(), world.config, world.clock);

    private DomainEvent write(String type, String aggregateId) {
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        DomainEvent event = world.outbox.add(transaction, type, "org-1", aggregateId, Map.of("id", aggregateId));
        world.table.client().transactWriteItems(transaction.build());
        return event;
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> stored(String aggregateId, DomainEvent event) {
        return LocalDynamo.client().getItem(b -> b.tableName(world.config.tableName()).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(OutboxItem.pk(aggregateId)),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(OutboxItem.SK_PREFIX + event.id())))).item();
    }

    /** The stream record Lambda would pass for the outbox item as written. */
    private DynamodbEvent.DynamodbStreamRecord insertOf(String aggregateId, DomainEvent event, String sequenceNumber) {
        Map<String, AttributeValue> image = new HashMap<>();
        stored(aggregateId, event).forEach((name, value) -> {
            if (value.s() != null) image.put(name, new AttributeValue().withS(value.s()));
            if (value.n() != null) image.put(name, new AttributeValue().withN(value.n()));
        });
        return record("INSERT", image, sequenceNumber);
    }

    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> image, String sequenceNumber) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        StreamRecord change = new StreamRecord();
        change.setNewImage(image);
        change.setSequenceNumber(sequenceNumber);
        record.setDynamodb(change);
        return record;
    }

    private static DynamodbEvent batch(DynamodbEvent.DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    @Test
    void publishesTheEnvelopeWithItsTypeAndMarksTheItemPublishedWithATtl() {
        DomainEvent event = write("FaultReported", "fault-1");
        StreamsEventResponse response = new PublishOutboxHandler(relay).handleRequest(batch(insertOf("fault-1", event, "100")), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sns.published).singleElement().satisfies(p -> {
            assertThat(p.topicArn()).isEqualTo(world.config.eventsTopicArn());
            assertThat(p.messageAttributes().get("eventType").stringValue()).isEqualTo("FaultReported");
            assertThat(Json.read(p.message(), DomainEvent.class)).isEqualTo(event);
        });
        var item = stored("fault-1", event);
        assertThat(item).containsKeys("publishedAt", "ttl").doesNotContainKeys("gsi1pk", "gsi1sk");
        long ttl = Long.parseLong(item.get("ttl").n());
        assertThat(ttl - world.clock.instant().getEpochSecond()).isEqualTo(Duration.ofDays(7).toSeconds());
    }

    @Test
    void passesOverOtherItemsAndTheOutboxsOwnUpdates() {
        Map<String, AttributeValue> fault = Map.of("pk", new AttributeValue().withS("FAULT#1"), "sk", new AttributeValue().withS("FAULT"));
        Map<String, AttributeValue> marked = Map.of("pk", new AttributeValue().withS("OUTBOX#x"), "sk", new AttributeValue().withS("EVENT#y"));
        StreamsEventResponse response = new PublishOutboxHandler(relay).handleRequest(
                batch(record("INSERT", fault, "1"), record("MODIFY", marked, "2"), record("REMOVE", null, "3")), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sns.published).isEmpty();
    }

    @Test
    void stopsAtTheFirstFailureAndReportsItSoThatNothingAfterItOvertakesIt() {
        DomainEvent first = write("VoteCreated", "vote-1");
        DomainEvent second = write("BallotCast", "vote-1");
        PublishOutboxHandler handler = new PublishOutboxHandler(relay);
        sns.down = true;

        StreamsEventResponse failed = handler.handleRequest(batch(insertOf("vote-1", first, "10"), insertOf("vote-1", second, "11")), new TestContext());

        assertThat(failed.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("10");
        assertThat(sns.published).isEmpty();
        assertThat(stored("vote-1", first)).doesNotContainKey("publishedAt").containsKey("gsi1pk");

        sns.down = false;
        StreamsEventResponse retried = handler.handleRequest(batch(insertOf("vote-1", first, "10"), insertOf("vote-1", second, "11")), new TestContext());
        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(sns.types()).containsExactly("VoteCreated", "BallotCast");
    }

    @Test
    void theSweeperPublishesOnlyWhatIsStillPendingPastItsGrace() {
        DomainEvent old = write("UnitCreated", "unit-1");
        world.clock.advance(Duration.ofMinutes(3));
        DomainEvent recent = write("UnitCreated", "unit-2");
        DomainEvent alreadyOut = write("UnitCreated", "unit-3");
        new PublishOutboxHandler(relay).handleRequest(batch(insertOf("unit-3", alreadyOut, "1")), new TestContext());
        sns.published.clear();
        world.clock.advance(Duration.ofMinutes(1));

        int swept = new SweepOutboxHandler(relay).handleRequest(Map.of(), new TestContext()).get("published");

        assertThat(swept).isEqualTo(1);
        assertThat(sns.published).singleElement().satisfies(p -> assertThat(p.message()).contains(old.id()));
        assertThat(stored("unit-1", old)).containsKey("publishedAt");
        assertThat(stored("unit-2", recent)).doesNotContainKey("publishedAt");
        assertThat(new SweepOutboxHandler(relay).handleRequest(Map.of(), new TestContext()).get("published")).isZero();
    }

    @Test
    void aSweepThatCannotPublishLeavesEverythingPendingForTheNextOne() {
        DomainEvent event = write("UnitCreated", "unit-9");
        world.clock.advance(Duration.ofMinutes(5));
        sns.down = true;
        assertThatThrownBy(() -> relay.sweep(SweepOutboxHandler.GRACE)).isInstanceOf(RuntimeException.class);
        assertThat(stored("unit-9", event)).doesNotContainKey("publishedAt");
        sns.down = false;
        assertThat(relay.sweep(SweepOutboxHandler.GRACE)).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        sns.published.forEach(p -> ids.add(Json.read(p.message(), DomainEvent.class).id()));
        assertThat(ids).containsExactly(event.id());
    }

    @Test
    void theSweeperReachesEveryPendingShard() {
        // Aggregates whose ids hash to the first and the last of the pending index's shards.
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; aggregates.size() < 2; i++) {
            int shard = Math.floorMod(("agg-" + i).hashCode(), OutboxItem.PENDING_SHARDS);
            boolean wanted = aggregates.isEmpty() ? shard == 0 : shard == OutboxItem.PENDING_SHARDS - 1;
            if (wanted) aggregates.add("agg-" + i);
        }
        aggregates.forEach(id -> write("UnitCreated", id));
        world.clock.advance(Duration.ofMinutes(5));

        assertThat(relay.sweep(SweepOutboxHandler.GRACE)).isEqualTo(2);
        assertThat(sns.published).hasSize(2);
    }

    @Test
    void anItemGoneBeforeItIsMarkedIsStillPublishedAndNotWrittenBack() {
        DomainEvent event = write("UnitCreated", "unit-7");
        var record = insertOf("unit-7", event, "5");
        LocalDynamo.client().deleteItem(b -> b.tableName(world.config.tableName()).key(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(OutboxItem.pk("unit-7")),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(OutboxItem.SK_PREFIX + event.id()))));

        StreamsEventResponse response = new PublishOutboxHandler(relay).handleRequest(batch(record), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(sns.types()).containsExactly("UnitCreated");
        assertThat(stored("unit-7", event)).as("the update is conditioned on the item being there").isEmpty();
    }

    @Test
    void anOutboxRecordWithoutItsEnvelopeFailsAndOneWithoutAnImageOrKeyIsPassedOver() {
        DomainEvent event = write("UnitCreated", "unit-8");
        var broken = insertOf("unit-8", event, "21");
        broken.getDynamodb().getNewImage().remove("envelope");
        var noImage = record("INSERT", null, "20");
        var noChange = new DynamodbEvent.DynamodbStreamRecord();
        noChange.setEventName("INSERT");
        var numericPk = record("INSERT", Map.of("pk", new AttributeValue().withN("1")), "19");

        StreamsEventResponse response = new PublishOutboxHandler(relay).handleRequest(
                batch(noChange, noImage, numericPk, broken), new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("21");
        assertThat(sns.published).isEmpty();
        assertThatThrownBy(() -> OutboxRelay.Pending.of(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no pk");
    }

    @Test
    void aStreamRecordsNumbersAreNotPassedToTheRelayAsText() {
        DomainEvent event = write("UnitCreated", "unit-6");
        var record = insertOf("unit-6", event, "30");
        // The event type as a number: the relay sees no event type and the record fails rather than publishing "7".
        record.getDynamodb().getNewImage().put("eventType", new AttributeValue().withN("7"));

        StreamsEventResponse response = new PublishOutboxHandler(relay).handleRequest(batch(record), new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("30");
        assertThat(sns.published).isEmpty();
    }
}
