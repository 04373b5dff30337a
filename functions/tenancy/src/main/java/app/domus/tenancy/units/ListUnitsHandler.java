package app.domus.tenancy.units;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code GET /buildings/{buildingId}/units}: anyone who may read the building. */
public class ListUnitsHandler extends HttpHandler {
    private final AccessService access;
    private final UnitService units;

    public ListUnitsHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.units = wiring.units();
    }

    ListUnitsHandler(AccessService access, UnitService units) {
        this.access = access;
        this.units = units;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        var building = access.building(caller, request.pathParam("buildingId"), Action.READ);
        return HttpResponse.ok(units.list(building, limit, request.query("cursor").orElse(null)).map(UnitView::of));
    }
}
