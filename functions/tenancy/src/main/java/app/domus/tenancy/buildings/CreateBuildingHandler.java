package app.domus.tenancy.buildings;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code POST /organisations/{organisationId}/buildings}: organisation admins add a building. */
@AcceptsIdempotencyKey
public class CreateBuildingHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final AccessService access;
    private final BuildingService buildings;

    public CreateBuildingHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.access();
        this.buildings = wiring.buildings();
    }

    CreateBuildingHandler(IdempotencyStore idempotency, AccessService access, BuildingService buildings) {
        this.idempotency = idempotency;
        this.access = access;
        this.buildings = buildings;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateBuildingRequest.class);
        var org = access.organisation(caller, request.pathParam("organisationId"), Action.MANAGE);
        BuildingItem building = buildings.create(org.getId(), body);
        return HttpResponse.created(BuildingView.of(building)).location("/buildings/" + building.getId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
