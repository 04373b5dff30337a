package app.domus.votes.results;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.HttpEvents;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.VoteItem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultsHandlersTest {
    private final VotesFixture f = new VotesFixture();
    private final GetResultsHandler results = new GetResultsHandler(f.voteAccess, f.results);

    private static HttpEvents resultsOf(VoteItem vote) {
        return HttpEvents.request("GET", "/votes/" + vote.getId() + "/results").pathParam("voteId", vote.getId());
    }

    private static JsonNode tally(JsonNode results, String optionId) {
        for (JsonNode t : results.path("tallies")) if (t.path("optionId").asText().equals(optionId)) return t;
        throw new AssertionError("no tally for " + optionId);
    }

    @Test
    void resultsAreTalliedByOwnershipShareExactly() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        f.cast(f.owner1, vote, "o1", null);
        f.cast(f.owner3, vote, "o1", f.unit3.getId());
        f.cast(f.owner3, vote, "o2", f.unit5.getId());

        JsonNode body = json(call(results, resultsOf(vote).as(f.tenant)));

        assertThat(body.path("status").asText()).isEqualTo("open");
        assertThat(body.path("weighting").asText()).isEqualTo("share");
        assertThat(body.path("totalWeight").asText()).isEqualTo("1/1");
        assertThat(tally(body, "o1").path("weight").asText()).isEqualTo("5/8");
        assertThat(tally(body, "o1").path("ballots").asInt()).isEqualTo(2);
        assertThat(tally(body, "o1").path("percent").decimalValue()).isEqualByComparingTo("62.50");
        assertThat(tally(body, "o1").path("label").asText()).isEqualTo("Yes");
        assertThat(tally(body, "o2").path("weight").asText()).isEqualTo("1/8");
        assertThat(tally(body, "o3").path("weight").asText()).isEqualTo("0/1");
        assertThat(tally(body, "o3").path("ballots").asInt()).isZero();
        JsonNode participation = body.path("participation");
        assertThat(participation.path("ballots").asInt()).isEqualTo(3);
        assertThat(participation.path("eligibleUnits").asInt()).isEqualTo(4);
        assertThat(participation.path("weight").asText()).isEqualTo("3/4");
        assertThat(participation.path("percent").decimalValue()).isEqualByComparingTo("75.00");
        assertThat(body.path("quorum").asText()).isEqualTo("1/2");
        assertThat(body.path("quorumReached").asBoolean()).isTrue();
        assertThat(body.toString()).doesNotContain(f.owner1).doesNotContain(f.owner3);
    }

    @Test
    void theQuorumIsAShareOfTheTotalWeightAndMissingItByAnyAmountMisses() {
        VoteItem vote = f.openVote("share", "2/3", false, false);
        f.cast(f.owner1, vote, "o1", null);
        f.cast(f.owner3, vote, "o2", f.unit3.getId());

        JsonNode body = json(call(results, resultsOf(vote).as(f.manager)));
        assertThat(body.path("participation").path("weight").asText()).isEqualTo("5/8");
        assertThat(body.path("quorumReached").asBoolean()).isFalse();

        f.cast(f.owner3, vote, "o2", f.unit5.getId());
        assertThat(json(call(results, resultsOf(vote).as(f.manager))).path("quorumReached").asBoolean()).isTrue();
    }

    @Test
    void oneVotePerUnitCountsUnits() {
        VoteItem vote = f.openVote("unit", "3/4", false, false);
        f.cast(f.owner1, vote, "o1", null);
        f.cast(f.owner3, vote, "o2", f.unit3.getId());
        f.cast(f.owner3, vote, "o2", f.unit5.getId());

        JsonNode body = json(call(results, resultsOf(vote).as(f.owner1)));

        assertThat(body.path("totalWeight").asText()).isEqualTo("4/1");
        assertThat(tally(body, "o2").path("weight").asText()).isEqualTo("2/1");
        assertThat(tally(body, "o2").path("percent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(body.path("quorumReached").asBoolean()).isTrue();
    }

    @Test
    void aScheduledVoteHasNothingToCountYet() {
        VoteItem vote = f.create(VotesFixture.settings("share", "0", false, false), "2026-03-05T09:00:00Z");

        JsonNode body = json(call(results, resultsOf(vote).as(f.owner1)));

        assertThat(body.path("status").asText()).isEqualTo("scheduled");
        assertThat(body.path("totalWeight").asText()).isEqualTo("0/1");
        assertThat(body.path("quorumReached").asBoolean()).isFalse();
    }

    @Test
    void resultsAreRefusedOutsideTheVote() {
        VoteItem vote = f.openVote("share", "1/2", false, false);

        assertThat(call(results, resultsOf(vote).as(f.delegate)).getStatusCode()).isEqualTo(200);
        assertProblem(call(results, resultsOf(vote).as(f.managerOfA2)), 403, "forbidden");
        assertProblem(call(results, resultsOf(vote).as(f.outsider)), 404, "not-found");
        assertProblem(call(results, resultsOf(vote)), 401, "unauthorized");
    }
}
