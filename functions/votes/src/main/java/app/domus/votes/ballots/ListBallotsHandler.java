package app.domus.votes.ballots;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteItem;

/**
 * {@code GET /votes/{voteId}/ballots}: who voted what, for the building's admins, managers and owners; refused to
 * everyone for a secret vote. Paged by unit.
 */
public class ListBallotsHandler extends HttpHandler {
    private final VoteAccess voteAccess;
    private final BallotService ballots;

    public ListBallotsHandler() {
        this(VotesComponent.create());
    }

    private ListBallotsHandler(VotesComponent wiring) {
        this(wiring.voteAccess(), wiring.ballots());
    }

    ListBallotsHandler(VoteAccess voteAccess, BallotService ballots) {
        this.voteAccess = voteAccess;
        this.ballots = ballots;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        VoteItem vote = voteAccess.ballotsReadable(caller, request.pathParam("voteId"));
        return HttpResponse.ok(ballots.page(vote, limit, request.query("cursor").orElse(null)).map(BallotView::of));
    }
}
