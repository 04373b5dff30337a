package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The AI gateway through the local cloud: the organisation's admin switches fault triage off, a reported fault is then
 * routed without the AI and says why, and the run is in the admin's log as agent-off; switched on again, the next
 * report is triaged by the local model and logged as done with its provider and latency. Nobody but the admin reads
 * the log.
 */
@ExtendWith(LocalCloudExtension.class)
class AiGatewayFlowTest {

    @Test
    void anAdminSwitchesTriageOffAndOnAndReadsEveryRunInTheLog(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        String org = ids.get("organisationId");
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertThat(cloud.as("manager").get("/ai/runs?organisationId=" + org).status()).isEqualTo(403);
        assertThat(cloud.as("portal").get("/ai/runs?organisationId=" + org).status()).isEqualTo(404);

        switchTriage(cloud, org, false);
        String off;
        try {
            off = report(cloud, ids.get("buildingId"), ids.get("unit.1A"), "Dripping tap " + run);
            JsonNode fault = LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/faults/" + off),
                    f -> f.path("history").toString().contains("switched off"));
            assertThat(fault.path("ai").path("category").isTextual()).isFalse();
            JsonNode runs = cloud.as("admin").get("/ai/runs?organisationId=" + org + "&task=fault-triage&status=failed").json();
            assertThat(runs.path("items").get(0).path("errorCategory").asText()).isEqualTo("agent-off");
        } finally {
            switchTriage(cloud, org, true);
        }

        String on = report(cloud, ids.get("buildingId"), ids.get("unit.1A"), "Sparks from the hallway socket " + run);
        LocalCloudClient.awaitAnswer(() -> cloud.as("owner").get("/faults/" + on), f -> f.path("ai").path("category").isTextual());
        JsonNode done = cloud.as("admin").get("/ai/runs?organisationId=" + org + "&task=fault-triage&status=done&limit=5").json();
        JsonNode latest = done.path("items").get(0);
        assertThat(latest.path("provider").asText()).isEqualTo("local");
        assertThat(latest.path("latencyMs").isNumber()).isTrue();
        assertThat(latest.path("attempts").toString()).contains("local:ok");
        assertThat(done.toString()).doesNotContain("Sparks").as("the log keeps a hash of the input, never the input");
    }

    private static void switchTriage(LocalCloudClient cloud, String org, boolean enabled) {
        ApiResponse switched = cloud.as("admin").put("/ai/agents/fault-triage", Json.write(Map.of("organisationId", org, "enabled", enabled)));
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().path("enabled").asBoolean()).isEqualTo(enabled);
    }

    private static String report(LocalCloudClient cloud, String building, String unit, String title) {
        ApiResponse reported = cloud.as("owner").post("/faults", Json.write(Map.of("title", title,
                "description", title + ", please have a look", "category", "other", "buildingId", building, "unitId", unit)));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().path("faultId").asText();
    }
}
