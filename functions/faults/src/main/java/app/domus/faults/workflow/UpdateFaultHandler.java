package app.domus.faults.workflow;

import app.domus.faults.FaultAccess;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultView;
import app.domus.faults.FaultsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code PATCH /faults/{faultId}}: the building's managers and the organisation's admins assign and move faults;
 * the assignee starts, escalates and resolves; the reporter closes or reopens. Honours {@code If-Match}.
 */
public class UpdateFaultHandler extends HttpHandler {
    private final FaultAccess access;
    private final WorkflowService workflow;

    public UpdateFaultHandler() {
        FaultsComponent wiring = FaultsComponent.create();
        this.access = wiring.faultAccess();
        this.workflow = wiring.workflow();
    }

    UpdateFaultHandler(FaultAccess access, WorkflowService workflow) {
        this.access = access;
        this.workflow = workflow;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(UpdateFaultRequest.class);
        var ifMatch = request.ifMatchVersion();
        var viewing = access.forChange(caller, request.pathParam("faultId"));
        FaultItem changed = workflow.change(caller.userId(), viewing.fault(), viewing.roles(), ifMatch, body);
        return HttpResponse.ok(FaultView.of(changed)).etag(changed.getVersion());
    }
}
