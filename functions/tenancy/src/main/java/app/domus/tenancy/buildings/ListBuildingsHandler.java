package app.domus.tenancy.buildings;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code GET /organisations/{organisationId}/buildings}: admins see every building, other members their own. */
public class ListBuildingsHandler extends HttpHandler {
    private final AccessService access;
    private final BuildingService buildings;

    public ListBuildingsHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.buildings = wiring.buildings();
    }

    ListBuildingsHandler(AccessService access, BuildingService buildings) {
        this.access = access;
        this.buildings = buildings;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        var org = access.organisation(caller, request.pathParam("organisationId"), Action.READ);
        var page = buildings.list(org.getId(), access.memberships(caller.userId(), org.getId()), limit,
                request.query("cursor").orElse(null));
        return HttpResponse.ok(page.map(BuildingView::of));
    }
}
