package app.domus.votes.vote;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import app.domus.votes.ballots.BallotService;
import app.domus.votes.ballots.YourBallot;
import java.time.Clock;

/**
 * {@code GET /votes/{voteId}}: whoever may read the building, and delegates holding the vote right for one of its
 * units; with the ballots of the reader's own units.
 */
public class GetVoteHandler extends HttpHandler {
    private final VoteAccess voteAccess;
    private final BallotService ballots;
    private final Clock clock;

    public GetVoteHandler() {
        this(VotesComponent.create());
    }

    private GetVoteHandler(VotesComponent wiring) {
        this(wiring.voteAccess(), wiring.ballots(), wiring.clock());
    }

    GetVoteHandler(VoteAccess voteAccess, BallotService ballots, Clock clock) {
        this.voteAccess = voteAccess;
        this.ballots = ballots;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        VoteItem vote = voteAccess.readable(caller, request.pathParam("voteId"));
        var yours = ballots.ofUnits(vote, voteAccess.voterUnits(caller, vote)).stream().map(YourBallot::of).toList();
        return HttpResponse.ok(VoteView.of(vote, clock.instant(), yours)).etag(vote.getVersion());
    }
}
