package app.domus.tenancy.buildings;

import app.domus.tenancy.TenancyComponent;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /buildings/{buildingId}}: anyone who belongs to the building (or administers its organisation). */
public class GetBuildingHandler extends HttpHandler {
    private final AccessService access;

    public GetBuildingHandler() {
        this(TenancyComponent.create().access());
    }

    GetBuildingHandler(AccessService access) {
        this.access = access;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        BuildingItem building = access.building(caller, request.pathParam("buildingId"), Action.READ);
        return HttpResponse.ok(BuildingView.of(building)).etag(building.getVersion());
    }
}
