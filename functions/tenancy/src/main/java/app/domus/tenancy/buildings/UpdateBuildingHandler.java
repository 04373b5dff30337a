package app.domus.tenancy.buildings;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code PATCH /buildings/{buildingId}}: organisation admins and the building's managers; honours {@code If-Match}. */
public class UpdateBuildingHandler extends HttpHandler {
    private final AccessService access;
    private final BuildingService buildings;

    public UpdateBuildingHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.buildings = wiring.buildings();
    }

    UpdateBuildingHandler(AccessService access, BuildingService buildings) {
        this.access = access;
        this.buildings = buildings;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(UpdateBuildingRequest.class);
        var ifMatch = request.ifMatchVersion();
        BuildingItem current = access.building(caller, request.pathParam("buildingId"), Action.MANAGE);
        BuildingItem updated = buildings.update(current, ifMatch, body);
        return HttpResponse.ok(BuildingView.of(updated)).etag(updated.getVersion());
    }
}
