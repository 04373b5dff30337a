package app.domus.votes.vote;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import java.time.Clock;

/** {@code POST /votes}: organisation admins and the managers of the building. */
@AcceptsIdempotencyKey
public class CreateVoteHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final AccessService access;
    private final VoteService votes;
    private final Clock clock;

    public CreateVoteHandler() {
        this(VotesComponent.create());
    }

    private CreateVoteHandler(VotesComponent wiring) {
        this(wiring.idempotency(), wiring.access(), wiring.votes(), wiring.clock());
    }

    CreateVoteHandler(IdempotencyStore idempotency, AccessService access, VoteService votes, Clock clock) {
        this.idempotency = idempotency;
        this.access = access;
        this.votes = votes;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateVoteRequest.class);
        var building = access.building(caller, body.buildingId(), Action.MANAGE);
        VoteItem vote = votes.create(building, caller, body);
        return HttpResponse.created(VoteView.of(vote, clock.instant(), null))
                .etag(vote.getVersion()).location("/votes/" + vote.getId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
