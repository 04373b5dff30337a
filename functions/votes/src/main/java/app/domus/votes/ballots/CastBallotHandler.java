package app.domus.votes.ballots;

import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteItem;

/**
 * {@code POST /votes/{voteId}/ballots}: an owner of an eligible unit, or a delegate holding the vote right for it.
 * 201 for the unit's ballot, 200 when it changes that ballot (where the vote allows).
 */
@AcceptsIdempotencyKey
public class CastBallotHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final VoteAccess voteAccess;
    private final BallotService ballots;

    public CastBallotHandler() {
        this(VotesComponent.create());
    }

    private CastBallotHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.voteAccess(), wiring.ballots());
    }

    CastBallotHandler(IdempotencyStore idempotency, VoteAccess voteAccess, BallotService ballots) {
        this.idempotency = idempotency;
        this.voteAccess = voteAccess;
        this.ballots = ballots;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CastBallotRequest.class);
        var ifMatch = request.ifMatchVersion();
        VoteItem vote = voteAccess.readable(caller, request.pathParam("voteId"));
        var act = voteAccess.ballotRight(caller, vote, body.unitId());
        BallotService.Cast cast = ballots.cast(caller, vote, act, body, ifMatch);
        BallotView view = BallotView.of(cast.ballot());
        return (cast.first() ? HttpResponse.created(view) : HttpResponse.ok(view)).etag(cast.ballot().getVersion());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
