package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** DynamoDB stream event sources as Lambda runs them: in order per key, retried where they failed, then dead-lettered. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class DynamoDbStreamsTest {
    private static final String READER = "JournalReaderFunction";

    @Test
    void recordsOfOneKeyArriveInOrderAndAFlakyOneIsRetriedBeforeAnythingAfterIt(LocalCloudClient cloud) throws Exception {
        String journal = "journal-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            put(dynamo, journal, "a", "ok");
            put(dynamo, journal, "b", "flaky-2");
            put(dynamo, journal, "c", "ok");
        }
        awaitHandled(List.of(journal + "/a", journal + "/b", journal + "/c"));
        // At least once: a record that shared a batch with the flaky one may be handled again when the batch is retried;
        // but nothing after the flaky record is handled before it succeeded.
        List<String> order = handled().stream().filter(id -> id.startsWith(journal)).toList();
        assertThat(order.stream().distinct().toList()).containsExactly(journal + "/a", journal + "/b", journal + "/c");
        assertThat(order.indexOf(journal + "/c")).isGreaterThan(order.indexOf(journal + "/b"));
        assertThat(order).filteredOn(id -> id.equals(journal + "/b")).hasSize(1);
        // Lambda's event shape: the stream's ARN, the image in DynamoDB JSON, the sequence number.
        JsonNode record = Recorded.of(READER).stream().flatMap(e -> java.util.stream.StreamSupport.stream(e.path("Records").spliterator(), false))
                .filter(r -> r.path("dynamodb").path("NewImage").path("sk").path("S").asText().equals(journal + "/a")).findFirst().orElseThrow();
        assertThat(record.path("eventName").asText()).isEqualTo("INSERT");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:dynamodb");
        assertThat(record.path("eventSourceARN").asText()).contains("JournalTable");
        assertThat(record.path("dynamodb").path("SequenceNumber").asText()).isNotEmpty();
        assertThat(record.path("dynamodb").path("StreamViewType").asText()).isEqualTo("NEW_IMAGE");
    }

    @Test
    void aRecordThatKeepsFailingGoesToTheFailureDestinationAndTheShardGoesOn(LocalCloudClient cloud) throws Exception {
        String journal = "journal-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            put(dynamo, journal, "poison", "poison");
            put(dynamo, journal, "after", "ok");
        }
        awaitHandled(List.of(journal + "/after"));
        assertThat(handled()).doesNotContain(journal + "/poison");

        String queueUrl = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("JournalFailures"));
        JsonNode failure = null;
        try (SqsClient sqs = SqsClient.create()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (failure == null && Instant.now().isBefore(deadline)) {
                for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                    JsonNode body = Json.read(message.body());
                    if (body.path("DDBStreamBatchInfo").path("batchSize").asInt() == 1) failure = body;
                }
            }
        }
        assertThat(failure).as("the failure destination's message").isNotNull();
        assertThat(failure.path("DDBStreamBatchInfo").path("streamArn").asText()).contains("JournalTable");
        assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        // Split off from whatever came with it, then one delivery alone and MaximumRetryAttempts (2) retries.
        long alone = Recorded.count(READER, e -> e.path("Records").size() == 1 && e.toString().contains(journal + "/poison"));
        assertThat(alone).isEqualTo(3);
    }

    @Test
    void recordsTheMappingsFilterCriteriaRejectNeverReachTheFunction(LocalCloudClient cloud) throws Exception {
        String journal = "journal-" + UUID.randomUUID();
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            put(dynamo, journal, "skipped", "ignored");
            put(dynamo, journal, "kept", "ok");
            // A change of an item is a MODIFY record, which the filter (INSERT only) drops too.
            put(dynamo, journal, "kept", "ok");
        }
        awaitHandled(List.of(journal + "/kept"));
        Thread.sleep(300);
        List<JsonNode> delivered = Recorded.of(READER).stream()
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.path("Records").spliterator(), false))
                .filter(r -> r.toString().contains(journal)).toList();
        assertThat(delivered).extracting(r -> r.path("dynamodb").path("NewImage").path("sk").path("S").asText())
                .containsExactly(journal + "/kept");
        assertThat(delivered).extracting(r -> r.path("eventName").asText()).containsOnly("INSERT");
    }

    private static void put(DynamoDbClient dynamo, String journal, String id, String behaviour) {
        dynamo.putItem(b -> b.tableName("JournalTable").item(Map.of(
                "pk", AttributeValue.fromS(journal), "sk", AttributeValue.fromS(journal + "/" + id),
                "behaviour", AttributeValue.fromS(behaviour))));
    }

    private static List<String> handled() {
        return Recorded.of(READER + "/handled").stream().map(e -> e.path("id").asText()).toList();
    }

    private static void awaitHandled(List<String> ids) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && !handled().containsAll(ids)) Thread.sleep(50);
        assertThat(handled()).containsAll(ids);
    }
}
