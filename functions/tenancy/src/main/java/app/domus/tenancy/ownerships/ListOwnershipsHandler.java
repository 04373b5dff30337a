package app.domus.tenancy.ownerships;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;
import java.util.List;

/**
 * {@code GET /buildings/{buildingId}/ownerships}: every share of the building and their total. Owners see
 * all shares of their building because they vote by them; tenants and technicians have no business with them.
 */
public class ListOwnershipsHandler extends HttpHandler {
    private final AccessService access;
    private final OwnershipService ownerships;

    public ListOwnershipsHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.ownerships = wiring.ownerships();
    }

    ListOwnershipsHandler(AccessService access, OwnershipService ownerships) {
        this.access = access;
        this.ownerships = ownerships;
    }

    /** The list body: a page of shares plus the building's total over all pages. */
    record OwnershipList(List<OwnershipView> items, String nextCursor, String total) {}

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        BuildingItem building = access.building(caller, request.pathParam("buildingId"), Action.VIEW_SHARES);
        OwnershipService.Listing listing = ownerships.list(building, limit, request.query("cursor").orElse(null));
        var page = listing.page().map(OwnershipView::of);
        return HttpResponse.ok(new OwnershipList(page.items(), page.nextCursor(), listing.total().toString()));
    }
}
