package app.domus.votes.ballots;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.HttpEvents;
import app.domus.votes.VotesFixture;
import app.domus.shared.json.Json;
import app.domus.votes.vote.VoteItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListBallotsHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final ListBallotsHandler ballots = new ListBallotsHandler(f.voteAccess, f.ballots);

    private static HttpEvents ballotsOf(VoteItem vote) {
        return HttpEvents.request("GET", "/votes/" + vote.getId() + "/ballots").pathParam("voteId", vote.getId());
    }

    @Test
    void inAnOpenVoteTheBuildingsOwnersAndStaffSeeWhoVotedWhat() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        f.cast(f.delegate, vote, "o1", null);
        f.cast(f.coOwnerB, vote, "o2", null);

        for (String reader : List.of(f.manager, f.admin, f.owner3)) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                HttpEvents request = ballotsOf(vote).query("limit", "1").as(reader);
                if (cursor != null) request.query("cursor", cursor);
                JsonNode page = json(call(ballots, request));
                page.path("items").forEach(b -> seen.add(b.path("castBy").asText() + ">" + b.path("optionId").asText()
                        + "@" + b.path("onBehalfOf").asText()));
                cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            } while (cursor != null && seen.size() < 5);
            assertThat(seen).as(reader).containsExactlyInAnyOrder(f.delegate + ">o1@" + f.owner1, f.coOwnerB + ">o2@" + f.coOwnerB);
        }
        assertProblem(call(ballots, ballotsOf(vote).as(f.tenant)), 403, "forbidden");
        assertProblem(call(ballots, ballotsOf(vote).as(f.technician)), 403, "forbidden");
        assertProblem(call(ballots, ballotsOf(vote).as(f.outsider)), 404, "not-found");
        assertProblem(call(ballots, ballotsOf(vote)), 401, "unauthorized");
    }

    @Test
    void nobodySeesWhoVotedWhatInASecretVote() {
        VoteItem vote = f.openVote("share", "1/2", false, true);
        f.cast(f.owner1, vote, "o1", null);

        for (String reader : List.of(f.manager, f.admin, f.owner1, f.owner3)) {
            JsonNode problem = assertProblem(call(ballots, ballotsOf(vote).as(reader)), 403, "forbidden");
            assertThat(problem.toString()).doesNotContain(f.owner1 + "\"").doesNotContain("o1");
        }
        JsonNode body = Json.MAPPER.valueToTree(f.results.of(vote));
        assertThat(body.path("tallies").path(0).path("ballots").asInt()).isEqualTo(1);
        assertThat(body.toString()).doesNotContain(f.owner1).doesNotContain(f.unit1.getId());
    }
}
