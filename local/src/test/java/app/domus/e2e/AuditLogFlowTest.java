package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Issue 17's audit log through the local cloud: a person joins the demo organisation by invitation, signs in, fails to
 * sign in, and delegates; each action appears in the org admin's log, in order, in a chain that verifies. Nobody else
 * reads the log; an entry edited in the table is found by the verification; an event delivered twice is one entry.
 */
@ExtendWith(LocalCloudExtension.class)
class AuditLogFlowTest {
    private static final String PASSWORD = "a long and private passphrase";

    @Test
    void securityActionsAppearInTheAdminsLogInOrderInAChainThatFindsTampering(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String org = ids.get("organisationId");
        String log = "/organisations/" + org + "/audit-log";

        // A membership: the manager invites a tenant of 3A, who registers (and is signed in by the registration).
        ApiResponse issued = cloud.as("manager").post("/invitations",
                json(Map.of("organisationId", org, "role", "tenant", "unitId", ids.get("unit.3A"))));
        assertThat(issued.status()).isEqualTo(201);
        String email = "audited.tenant+" + UUID.randomUUID() + "@example.com";
        ApiResponse registered = cloud.anonymous().post("/auth/register",
                json(Map.of("email", email, "password", PASSWORD, "invitationCode", issued.json().path("code").asText())));
        assertThat(registered.status()).isEqualTo(201);
        String person = registered.json().path("userId").asText();
        List<String> seen = awaitActions(cloud, log + "?actor=" + person, 2);
        assertThat(seen).containsExactly("auth.sign_in/success", "membership.granted/success");

        // A sign-in, then a failed one.
        assertThat(cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD))).status()).isEqualTo(200);
        awaitActions(cloud, log + "?actor=" + person, 3);
        assertThat(cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", "not the passphrase"))).status())
                .isEqualTo(401);
        assertThat(awaitActions(cloud, log + "?actor=" + person, 4)).containsExactly(
                "auth.sign_in/failure", "auth.sign_in/success", "auth.sign_in/success", "membership.granted/success");

        // A delegation, by the owner of 1A.
        String owner = cloud.cloud().demoData().account("owner").orElseThrow().userId();
        ApiResponse delegated = cloud.as("owner").post("/delegations", json(Map.of("delegateEmail", email,
                "rights", List.of("vote"), "unitId", ids.get("unit.1A"),
                "expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())));
        assertThat(delegated.status()).isEqualTo(201);
        String delegationId = delegated.json().path("delegationId").asText();
        JsonNode delegation = LocalCloudClient.awaitAnswer(() -> cloud.as("admin").get(log + "?action=delegation.created"),
                page -> page.path("items").toString().contains(delegationId)).path("items").get(0);
        assertThat(delegation.path("actorId").asText()).isEqualTo(owner);
        assertThat(delegation.path("targetType").asText()).isEqualTo("delegation");

        // In order: the newest entries of the whole log are the failed sign-in and then the delegation.
        ApiResponse newest = conforms("GET", "/organisations/{organisationId}/audit-log", cloud.as("admin").get(log + "?limit=100"));
        JsonNode items = newest.json().path("items");
        List<String> eventTypes = new ArrayList<>();
        items.forEach(e -> { if (e.path("actorId").asText().equals(person) || e.path("targetId").asText().equals(delegationId)) eventTypes.add(e.path("eventType").asText()); });
        assertThat(eventTypes).containsExactly("DelegationCreated", "SignInFailed", "SignInSucceeded", "SignInSucceeded", "UserRegistered");
        for (int i = 0; i + 1 < items.size(); i++) {
            assertThat(items.get(i).path("sequence").asLong()).isEqualTo(items.get(i + 1).path("sequence").asLong() + 1);
            assertThat(items.get(i).path("previousHash").asText()).isEqualTo(items.get(i + 1).path("hash").asText());
        }
        JsonNode failed = firstWith(items, "eventType", "SignInFailed");
        assertThat(failed.path("sourceIp").asText()).isNotBlank();
        assertThat(failed.toString()).doesNotContain("not the passphrase");

        ApiResponse verified = conforms("GET", "/organisations/{organisationId}/audit-log/verification",
                cloud.as("admin").get(log + "/verification"));
        assertThat(verified.json().path("valid").asBoolean()).as(verified.body()).isTrue();
        long entries = verified.json().path("entries").asLong();
        assertThat(entries).isGreaterThanOrEqualTo(5);

        // Nobody but the organisation's admins reads it; nothing changes it through the API.
        for (String refused : List.of("manager", "tenant", "owner")) {
            assertThat(conforms("GET", "/organisations/{organisationId}/audit-log", cloud.as(refused).get(log)).status()).isEqualTo(403);
            assertThat(cloud.as(refused).get(log + "/verification").status()).isEqualTo(403);
        }
        var otherAdmin = cloud.withClaims(Map.of("sub", "other-org-admin-" + UUID.randomUUID(), "email", "someone@example.com"));
        assertThat(conforms("GET", "/organisations/{organisationId}/audit-log", otherAdmin.get(log)).status()).isEqualTo(404);
        assertThat(cloud.as("admin").delete(log).status()).isIn(404, 405);

        // The same event delivered again adds no entry.
        JsonNode signInFailed = envelope(cloud.awaitEvent("SignInFailed",
                e -> person.equals(envelope(e).path("payload").path("userId").asText())));
        String queueUrl = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("AuditTrailQueue"));
        try (SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(signInFailed.toString()));
        }
        cloud.awaitQueueDrained("AuditTrailQueue");
        JsonNode afterRedelivery = cloud.as("admin").get(log + "?action=auth.sign_in&actor=" + person).json();
        List<String> failedIds = new ArrayList<>();
        afterRedelivery.path("items").forEach(e -> { if (e.path("outcome").asText().equals("failure")) failedIds.add(e.path("eventId").asText()); });
        assertThat(failedIds).containsExactly(signInFailed.path("id").asText());
        assertThat(cloud.as("admin").get(log + "/verification").json().path("entries").asLong()).isEqualTo(entries);

        // An entry edited directly in the table breaks the chain at its sequence; restored, the chain holds again.
        long sequence = failed.path("sequence").asLong();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("AUDIT#" + org),
                    "sk", AttributeValue.fromS(String.format("ENTRY#%012d", sequence)));
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET outcome = :o")
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("success"))));
            JsonNode broken = cloud.as("admin").get(log + "/verification").json();
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSequence").asLong()).isEqualTo(sequence);

            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET outcome = :o")
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("failure"))));
            assertThat(cloud.as("admin").get(log + "/verification").json().path("valid").asBoolean()).isTrue();
        }
    }

    /** Waits until the admin's log filtered so holds at least {@code count} entries, and gives their actions, newest first. */
    private static List<String> awaitActions(LocalCloudClient cloud, String path, int count) throws InterruptedException {
        JsonNode page = LocalCloudClient.awaitAnswer(() -> cloud.as("admin").get(path), p -> p.path("items").size() >= count);
        List<String> actions = new ArrayList<>();
        page.path("items").forEach(e -> actions.add(e.path("action").asText() + "/" + e.path("outcome").asText()));
        return actions;
    }

    private static JsonNode firstWith(JsonNode items, String field, String value) {
        for (JsonNode item : items) if (item.path(field).asText().equals(value)) return item;
        throw new AssertionError("No entry with " + field + " " + value);
    }
}
