package app.domus.faults.queries;

import app.domus.faults.FaultAccess;
import app.domus.faults.FaultsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /faults/{faultId}}: the building's residents and managers, the organisation's admins, the assignee
 * and the reporter; with the history and photo URLs valid for ten minutes.
 */
public class GetFaultHandler extends HttpHandler {
    private final FaultAccess access;
    private final FaultQueries queries;

    public GetFaultHandler() {
        FaultsComponent wiring = FaultsComponent.create();
        this.access = wiring.faultAccess();
        this.queries = wiring.queries();
    }

    GetFaultHandler(FaultAccess access, FaultQueries queries) {
        this.access = access;
        this.queries = queries;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var viewing = access.read(caller, request.pathParam("faultId"));
        return HttpResponse.ok(queries.detail(viewing.fault())).etag(viewing.fault().getVersion());
    }
}
