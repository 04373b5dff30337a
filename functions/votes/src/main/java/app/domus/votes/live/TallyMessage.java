package app.domus.votes.live;

import app.domus.votes.results.Results;
import java.util.List;

/** What a client following {@code vote:<voteId>} receives after every ballot, and once more when the vote closes. */
public record TallyMessage(String type, String voteId, String status, String weighting, String totalWeight,
                           List<Results.Tally> tallies, Results.Participation participation, String quorum,
                           boolean quorumReached) {
    public static TallyMessage of(Results results) {
        return new TallyMessage("vote.tally", results.voteId(), results.status(), results.weighting(), results.totalWeight(),
                results.tallies(), results.participation(), results.quorum(), results.quorumReached());
    }
}
