package app.domus.tenancy.units;

import app.domus.tenancy.TenancyComponent;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /units/{unitId}}: the building's staff, the organisation's admins, and the unit's own residents. */
public class GetUnitHandler extends HttpHandler {
    private final AccessService access;

    public GetUnitHandler() {
        this(TenancyComponent.create().access());
    }

    GetUnitHandler(AccessService access) {
        this.access = access;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        UnitItem unit = access.unit(caller, request.pathParam("unitId"), Action.READ);
        return HttpResponse.ok(UnitView.of(unit)).etag(unit.getVersion());
    }
}
