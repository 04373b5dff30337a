package app.domus.votes.vote;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.HttpEvents;
import app.domus.votes.VotesFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadVoteHandlersTest {
    private final VotesFixture f = new VotesFixture();
    private final GetVoteHandler get = new GetVoteHandler(f.voteAccess, f.ballots, f.clock);
    private final ListVotesHandler list = new ListVotesHandler(f.access, f.votes, f.clock);

    private static HttpEvents getOf(String voteId) {
        return HttpEvents.request("GET", "/votes/" + voteId).pathParam("voteId", voteId);
    }

    private HttpEvents listOf(String buildingId) {
        return HttpEvents.request("GET", "/buildings/" + buildingId + "/votes").pathParam("buildingId", buildingId);
    }

    @Test
    void readersOfTheBuildingSeeTheVote() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        for (String reader : List.of(f.admin, f.manager, f.technician, f.tenant, f.owner1)) {
            var response = call(get, getOf(vote.getId()).as(reader));
            assertThat(response.getStatusCode()).as(reader).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
            JsonNode view = json(response);
            assertThat(view.path("title").asText()).isEqualTo("New roof");
            assertThat(view.path("options")).hasSize(3);
        }
    }

    @Test
    void aDelegateWithTheVoteRightSeesTheVoteThoughNoMemberOfTheOrganisation() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        assertThat(call(get, getOf(vote.getId()).as(f.delegate)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aVoterSeesTheirOwnChoiceEvenInASecretVoteButNotWhoCastIt() {
        VoteItem vote = f.openVote("share", "1/2", false, true);
        f.cast(f.coOwnerA, vote, "o2", null);
        f.cast(f.owner3, vote, "o1", f.unit3.getId());

        JsonNode forCoOwner = json(call(get, getOf(vote.getId()).as(f.coOwnerB)));
        assertThat(forCoOwner.path("yourBallots")).singleElement().satisfies(b -> {
            assertThat(b.path("unitId").asText()).isEqualTo(f.unit2.getId());
            assertThat(b.path("optionId").asText()).isEqualTo("o2");
            assertThat(b.has("castBy")).isFalse();
        });
        assertThat(json(call(get, getOf(vote.getId()).as(f.owner3))).path("yourBallots")).hasSize(1);
        assertThat(json(call(get, getOf(vote.getId()).as(f.owner1))).path("yourBallots")).isEmpty();
        assertThat(json(call(get, getOf(vote.getId()).as(f.manager))).path("yourBallots")).isEmpty();
    }

    @Test
    void theStatusFollowsTheClock() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        f.clock.set(Instant.parse(VotesFixture.END));

        assertThat(json(call(get, getOf(vote.getId()).as(f.owner1))).path("status").asText()).isEqualTo("closed");
    }

    @Test
    void otherBuildingsOutsidersUnknownVotesAndAnonymousCallersSeeNothing() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        assertProblem(call(get, getOf(vote.getId()).as(f.managerOfA2)), 403, "forbidden");
        JsonNode problem = assertProblem(call(get, getOf(vote.getId()).as(f.outsider)), 404, "not-found");
        assertThat(problem.path("detail").asText()).isEqualTo("The vote was not found");
        assertProblem(call(get, getOf("NOSUCHVOTE").as(f.manager)), 404, "not-found");
        assertProblem(call(get, getOf("bad id!").as(f.manager)), 404, "not-found");
        assertProblem(call(get, getOf(vote.getId())), 401, "unauthorized");
    }

    @Test
    void aBuildingsVotesArePaged() {
        VoteItem first = f.openVote("share", "1/2", false, false);
        VoteItem second = f.openVote("unit", "0", true, true);

        for (String reader : List.of(f.tenant, f.manager, f.admin)) {
            List<String> ids = new ArrayList<>();
            String cursor = null;
            do {
                HttpEvents request = listOf(f.buildingA1.getId()).query("limit", "1").as(reader);
                if (cursor != null) request.query("cursor", cursor);
                JsonNode page = json(call(list, request));
                page.path("items").forEach(v -> ids.add(v.path("voteId").asText()));
                cursor = page.has("nextCursor") ? page.path("nextCursor").asText() : null;
            } while (cursor != null && ids.size() < 5);
            assertThat(ids).as(reader).containsExactly(first.getId(), second.getId());
        }
    }

    @Test
    void listingIsRefusedOutsideTheBuilding() {
        f.openVote("share", "1/2", false, false);

        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(list, listOf(f.buildingA1.getId()).as(f.outsider)), 404, "not-found");
        assertProblem(call(list, listOf(f.buildingA1.getId()).query("limit", "0").as(f.manager)), 400, "validation-error");
        assertProblem(call(list, listOf(f.buildingA1.getId()).query("cursor", "garbage").as(f.manager)), 400, "invalid-cursor");
        assertProblem(call(list, listOf(f.buildingA1.getId())), 401, "unauthorized");
    }
}
