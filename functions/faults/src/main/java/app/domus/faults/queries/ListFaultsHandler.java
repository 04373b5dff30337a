package app.domus.faults.queries;

import app.domus.faults.FaultsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /faults?buildingId=&status=&assigneeId=&limit=&cursor=}: residents see their buildings' faults,
 * managers their buildings', admins their organisation's, technicians those assigned to them.
 */
public class ListFaultsHandler extends HttpHandler {
    private final FaultQueries queries;

    public ListFaultsHandler() {
        this(FaultsComponent.create().queries());
    }

    ListFaultsHandler(FaultQueries queries) {
        this.queries = queries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        FaultFilter filter = FaultFilter.of(request);
        return HttpResponse.ok(queries.list(caller, filter, limit, request.query("cursor").orElse(null)));
    }
}
