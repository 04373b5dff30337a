package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flow 5: an owner delegates a right for a unit, the delegate is invited by e-mail, accepts, the owner hears of it;
 * the owner revokes and the delegate hears of that. Refusals: a non-owner cannot delegate, the delegate cannot revoke.
 */
@ExtendWith(LocalCloudExtension.class)
class DelegationFlowTest {

    @Test
    void ownerDelegatesTheDelegateAcceptsAndTheOwnerRevokes(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String delegateEmail = cloud.cloud().demoData().account("owner3").orElseThrow().email();
        String ownerEmail = cloud.cloud().demoData().account("owner").orElseThrow().email();
        String expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        ApiResponse created = conforms("POST", "/delegations", cloud.as("owner").post("/delegations", json(Map.of(
                "delegateEmail", delegateEmail, "rights", List.of("view_finances"), "unitId", ids.get("unit.1A"),
                "expiresAt", expiresAt))));
        assertThat(created.status()).isEqualTo(201);
        String delegationId = created.json().path("delegationId").asText();
        assertThat(created.json().path("status").asText()).isEqualTo("pending");

        cloud.awaitEvent("DelegationCreated", e -> delegationId.equals(envelope(e).path("payload").path("delegationId").asText())
                || envelope(e).toString().contains(delegationId));
        assertThat(awaitMessageContaining(cloud, delegateEmail, "act for them")).isTrue();

        ApiResponse refusedRevoke = conforms("DELETE", "/delegations/{delegationId}",
                cloud.as("owner3").delete("/delegations/" + delegationId));
        assertThat(refusedRevoke.status()).isEqualTo(403);

        ApiResponse accepted = conforms("POST", "/delegations/{delegationId}/accept",
                cloud.as("owner3").post("/delegations/" + delegationId + "/accept", ""));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("accepted");
        cloud.awaitEvent("DelegationAccepted", e -> envelope(e).toString().contains(delegationId));
        assertThat(awaitMessageContaining(cloud, ownerEmail, "accepted")).isTrue();

        ApiResponse received = conforms("GET", "/delegations", cloud.as("owner3").get("/delegations?direction=received"));
        assertThat(received.json().path("items").toString()).contains(delegationId);

        ApiResponse revoked = conforms("DELETE", "/delegations/{delegationId}", cloud.as("owner").delete("/delegations/" + delegationId));
        assertThat(revoked.status()).isEqualTo(200);
        cloud.awaitEvent("DelegationRevoked", e -> envelope(e).toString().contains(delegationId));
        assertThat(awaitMessageContaining(cloud, delegateEmail, "revoked")).isTrue();

        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
            var item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("DELEGATION#" + delegationId), "sk", AttributeValue.fromS("DELEGATION"))));
            assertThat(item.item().get("status").s()).isEqualTo("REVOKED");
        }
    }

    @Test
    void onlyAnOwnerOfTheUnitMayDelegate(LocalCloudClient cloud) {
        var ids = cloud.cloud().demoData().ids();
        String body = json(Map.of("delegateEmail", "anyone@example.com", "rights", List.of("vote"), "unitId", ids.get("unit.1A"),
                "expiresAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(conforms("POST", "/delegations", cloud.as("tenant").post("/delegations", body)).status()).isEqualTo(403);
        assertThat(conforms("POST", "/delegations", cloud.as("owner2").post("/delegations", body)).status()).isEqualTo(403);
        assertThat(conforms("POST", "/delegations", cloud.as("owner").post("/delegations", "{\"rights\":5}")).status()).isEqualTo(400);
    }

    /** Notifications arrive asynchronously and a person may get several: wait for one that says {@code text}. */
    static boolean awaitMessageContaining(LocalCloudClient cloud, String recipient, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (cloud.outbox(recipient).stream().anyMatch(m -> m.toString().contains(text))) return true;
            Thread.sleep(200);
        }
        return false;
    }
}
