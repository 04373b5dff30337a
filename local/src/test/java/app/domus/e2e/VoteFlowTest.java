package app.domus.e2e;

import static app.domus.e2e.DelegationFlowTest.awaitMessageContaining;
import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.WebSocketSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 8: a manager opens a vote, the owners are notified, owners (and a delegate holding the vote right) cast
 * weighted ballots, a WebSocket client subscribed to the vote sees the tallies after every ballot, a second ballot for
 * a unit is refused, and the schedule closes the vote at its end and tells the owners the result.
 */
@ExtendWith(LocalCloudExtension.class)
class VoteFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void weightedVoteWithLiveTalliesClosesOnSchedule(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        var owner3 = cloud.cloud().demoData().account("owner3").orElseThrow();

        // The owner of 1A and 1B lets owner3 vote for 1B.
        String delegationId = cloud.as("owner").post("/delegations", json(Map.of("delegateEmail", owner3.email(),
                "rights", List.of("vote"), "unitId", ids.get("unit.1B"),
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())))
                .json().path("delegationId").asText();
        assertThat(cloud.as("owner3").post("/delegations/" + delegationId + "/accept", "").status()).isEqualTo(200);

        Instant end = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        ApiResponse created = conforms("POST", "/votes", cloud.as("manager").post("/votes", json(Map.of(
                "buildingId", ids.get("buildingId"), "title", "Repaint the staircase",
                "description", "Quote attached in the lobby", "options", List.of(Map.of("label", "Yes"), Map.of("label", "No")),
                "settings", Map.of("weighting", "share", "quorum", "1/2", "allowBallotChanges", false, "secret", false),
                "endDate", end.toString()))));
        assertThat(created.status()).isEqualTo(201);
        String voteId = created.json().path("voteId").asText();
        String yes = created.json().path("options").get(0).path("id").asText();
        String no = created.json().path("options").get(1).path("id").asText();
        cloud.awaitEvent("VoteCreated", e -> envelope(e).toString().contains(voteId));
        assertThat(awaitMessageContaining(cloud, cloud.cloud().demoData().account("owner2").orElseThrow().email(), "Repaint the staircase"))
                .isTrue();

        try (WebSocketSession live = cloud.websocket(cloud.cloud().tokenFor(cloud.cloud().demoData().account("tenant").orElseThrow()))) {
            live.send(json(Map.of("action", "subscribe", "topic", "vote:" + voteId)));
            assertThat(JSON.readTree(live.awaitMessage(Duration.ofSeconds(10))).path("type").asText()).isEqualTo("subscribed");

            ballot(cloud, "owner", voteId, yes, ids.get("unit.1A"), 201);
            JsonNode first = awaitTally(live);
            assertThat(first.path("participation").path("ballots").asInt()).isEqualTo(1);

            ballot(cloud, "owner3", voteId, yes, ids.get("unit.1B"), 201);
            ballot(cloud, "owner2", voteId, no, ids.get("unit.2A"), 201);
            JsonNode latest = awaitTallyWithBallots(live, 3);
            assertThat(latest.path("tallies").get(0).path("weight").asText()).isEqualTo("3/10");
        }
        assertThat(ballot(cloud, "owner", voteId, no, ids.get("unit.1A"), 409).json().path("type").asText()).endsWith("/conflict");
        ballot(cloud, "owner3", voteId, yes, ids.get("unit.3B"), 201);
        ballot(cloud, "tenant", voteId, yes, ids.get("unit.3B"), 403);

        ApiResponse results = conforms("GET", "/votes/{voteId}/results", cloud.as("owner").get("/votes/" + voteId + "/results"));
        assertThat(results.json().path("quorumReached").asBoolean()).isTrue();

        while (Instant.now().isBefore(end.plusSeconds(1))) Thread.sleep(250);
        cloud.fireSchedule("VoteSchedulerFunction");
        cloud.awaitEvent("VoteClosed", e -> envelope(e).toString().contains(voteId));
        assertThat(awaitMessageContaining(cloud, cloud.cloud().demoData().account("owner").orElseThrow().email(), "Vote result"))
                .isTrue();
        ballot(cloud, "owner2", voteId, yes, ids.get("unit.2B"), 409);
    }

    private static ApiResponse ballot(LocalCloudClient cloud, String who, String voteId, String optionId, String unitId, int expected) {
        ApiResponse response = conforms("POST", "/votes/{voteId}/ballots", cloud.as(who).post("/votes/" + voteId + "/ballots",
                json(Map.of("optionId", optionId, "unitId", unitId))));
        assertThat(response.status()).as("%s ballot for %s: %s", who, unitId, response.body()).isEqualTo(expected);
        return response;
    }

    private static JsonNode awaitTally(WebSocketSession live) throws Exception {
        while (true) {
            JsonNode message = JSON.readTree(live.awaitMessage(Duration.ofSeconds(15)));
            if (message.path("type").asText().equals("vote.tally")) return message;
        }
    }

    private static JsonNode awaitTallyWithBallots(WebSocketSession live, int ballots) throws Exception {
        JsonNode tally = awaitTally(live);
        while (tally.path("participation").path("ballots").asInt() < ballots) tally = awaitTally(live);
        return tally;
    }
}
