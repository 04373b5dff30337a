package app.domus.votes.vote;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import java.time.Clock;

/** {@code GET /buildings/{buildingId}/votes}: whoever may read the building; oldest first, paged. */
public class ListVotesHandler extends HttpHandler {
    private final AccessService access;
    private final VoteService votes;
    private final Clock clock;

    public ListVotesHandler() {
        this(VotesComponent.create());
    }

    private ListVotesHandler(VotesComponent wiring) {
        this(wiring.access(), wiring.votes(), wiring.clock());
    }

    ListVotesHandler(AccessService access, VoteService votes, Clock clock) {
        this.access = access;
        this.votes = votes;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        var building = access.building(caller, request.pathParam("buildingId"), Action.READ);
        var page = votes.list(building, limit, request.query("cursor").orElse(null))
                .map(vote -> VoteView.of(vote, clock.instant(), null));
        return HttpResponse.ok(page);
    }
}
