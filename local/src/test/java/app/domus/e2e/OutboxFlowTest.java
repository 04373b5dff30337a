package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transactional outbox and {@code Idempotency-Key}, through the local cloud: with SNS down, a fault report and a
 * vote are still accepted (201) and their events wait in the table; when SNS is back, the table's stream delivers
 * each event once, and each notice e-mail goes out once. A retried report with the same key creates one fault.
 */
@ExtendWith(LocalCloudExtension.class)
class OutboxFlowTest {
    @Test
    void anSnsOutageLosesNoEventAndEachIsDeliveredOnceWhenItEnds(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        var ids = demo.ids();
        String faultTitle = "Outage leak " + UUID.randomUUID().toString().substring(0, 8);
        String voteTitle = "Outage vote " + UUID.randomUUID().toString().substring(0, 8);
        String faultId;
        String voteId;
        outage(cloud, "sns?seconds=120");
        try {
            ApiResponse reported = conforms("POST", "/faults", cloud.as("owner").post("/faults", json(Map.of(
                    "title", faultTitle, "description", "Water under the boiler", "category", "plumbing",
                    "buildingId", ids.get("buildingId"), "unitId", ids.get("unit.1A")))));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            faultId = reported.json().path("faultId").asText();
            ApiResponse created = conforms("POST", "/votes", cloud.as("manager").post("/votes", json(Map.of(
                    "buildingId", ids.get("buildingId"), "title", voteTitle, "options", List.of(Map.of("label", "Yes"), Map.of("label", "No")),
                    "settings", Map.of("weighting", "unit", "quorum", "1/2", "allowBallotChanges", false, "secret", false),
                    "endDate", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            voteId = created.json().path("voteId").asText();

            // The relay keeps trying while SNS is down; nothing reaches the topic, and the events wait in the table.
            Thread.sleep(1500);
            assertThat(published(cloud, "FaultReported", faultId)).isZero();
            assertThat(published(cloud, "VoteCreated", voteId)).isZero();
            assertThat(outboxItem(cloud, faultId, "FaultReported")).doesNotContainKey("publishedAt");
            assertThat(outboxItem(cloud, voteId, "VoteCreated")).doesNotContainKey("publishedAt");
        } finally {
            outage(cloud, "sns?end=true");
        }

        String fid = faultId;
        String vid = voteId;
        cloud.awaitEvent("FaultReported", e -> envelope(e).path("payload").path("faultId").asText().equals(fid));
        cloud.awaitEvent("VoteCreated", e -> envelope(e).path("payload").path("voteId").asText().equals(vid));
        String managerEmail = demo.account("manager").orElseThrow().email();
        String owner2Email = demo.account("owner2").orElseThrow().email();
        awaitCount(() -> messagesContaining(cloud, managerEmail, faultTitle), 1);
        awaitCount(() -> messagesContaining(cloud, owner2Email, voteTitle), 1);
        // Give redeliveries, if there were any, time to show; each event and each notice stays single.
        cloud.awaitQueueDrained("TriageFaultQueue");
        cloud.awaitQueueDrained("VoteNotificationsQueue");
        Thread.sleep(1000);
        assertThat(published(cloud, "FaultReported", faultId)).isEqualTo(1);
        assertThat(published(cloud, "VoteCreated", voteId)).isEqualTo(1);
        assertThat(messagesContaining(cloud, managerEmail, faultTitle)).isEqualTo(1);
        assertThat(messagesContaining(cloud, owner2Email, voteTitle)).isEqualTo(1);
        Map<String, AttributeValue> item = outboxItem(cloud, faultId, "FaultReported");
        assertThat(item).containsKeys("publishedAt", "ttl").doesNotContainKey("gsi1pk");
    }

    @Test
    void aReportRetriedWithTheSameIdempotencyKeyCreatesOneFault(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        String key = UUID.randomUUID().toString();
        String title = "Retried report " + key.substring(0, 8);
        String body = json(Map.of("title", title, "description", "The lift stops between floors", "category", "elevator",
                "buildingId", ids.get("buildingId")));

        ApiResponse first = conforms("POST", "/faults", cloud.as("owner").header("Idempotency-Key", key).post("/faults", body));
        ApiResponse retried = conforms("POST", "/faults", cloud.as("owner").header("Idempotency-Key", key).post("/faults", body));
        ApiResponse otherBody = conforms("POST", "/faults", cloud.as("owner").header("Idempotency-Key", key)
                .post("/faults", body.replace("between floors", "at the top")));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.header("location")).isEqualTo(first.header("location"));
        assertThat(retried.header("idempotent-replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.header("content-type")).startsWith("application/problem+json");
        assertThat(otherBody.json().path("type").asText()).endsWith("/idempotency-key-reused");
        JsonNode faults = cloud.as("manager").get("/faults?buildingId=" + ids.get("buildingId") + "&limit=100").json().path("items");
        List<String> withTitle = new ArrayList<>();
        faults.forEach(f -> { if (f.path("title").asText().equals(title)) withTitle.add(f.path("faultId").asText()); });
        assertThat(withTitle).containsExactly(first.json().path("faultId").asText());
    }

    private static void outage(LocalCloudClient cloud, String what) {
        ApiResponse response = cloud.anonymous().post("/_local/outages/" + what, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static long published(LocalCloudClient cloud, String type, String aggregateId) {
        List<JsonNode> matching = new ArrayList<>();
        cloud.console("events?type=" + type).forEach(e -> { if (envelope(e).toString().contains(aggregateId)) matching.add(e); });
        return matching.size();
    }

    private static int messagesContaining(LocalCloudClient cloud, String recipient, String text) {
        return (int) cloud.outbox(recipient).stream().filter(m -> m.toString().contains(text)).count();
    }

    private static void awaitCount(Supplier<Integer> count, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && count.get() < expected) Thread.sleep(100);
        assertThat(count.get()).isEqualTo(expected);
    }

    /** The outbox item of the aggregate's event of this type, read straight from the table. */
    private static Map<String, AttributeValue> outboxItem(LocalCloudClient cloud, String aggregateId, String type) {
        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            return dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("OUTBOX#" + aggregateId))))
                    .items().stream().filter(item -> type.equals(item.get("eventType").s())).findFirst()
                    .orElseThrow(() -> new AssertionError("No " + type + " outbox item for " + aggregateId));
        }
    }
}
