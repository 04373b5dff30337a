package app.domus.votes.results;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.votes.VotesComponent;
import app.domus.votes.vote.VoteAccess;
import app.domus.votes.vote.VoteItem;

/** {@code GET /votes/{voteId}/results}: weighted tallies, participation and quorum, for whoever may see the vote. */
public class GetResultsHandler extends HttpHandler {
    private final VoteAccess voteAccess;
    private final ResultsService results;

    public GetResultsHandler() {
        this(VotesComponent.create());
    }

    private GetResultsHandler(VotesComponent wiring) {
        this(wiring.voteAccess(), wiring.results());
    }

    GetResultsHandler(VoteAccess voteAccess, ResultsService results) {
        this.voteAccess = voteAccess;
        this.results = results;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        VoteItem vote = voteAccess.readable(caller, request.pathParam("voteId"));
        return HttpResponse.ok(results.of(vote));
    }
}
