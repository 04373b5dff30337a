package app.domus.tenancy.units;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code POST /buildings/{buildingId}/units}: organisation admins and the building's managers. */
@AcceptsIdempotencyKey
public class CreateUnitHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final AccessService access;
    private final UnitService units;

    public CreateUnitHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.access();
        this.units = wiring.units();
    }

    CreateUnitHandler(IdempotencyStore idempotency, AccessService access, UnitService units) {
        this.idempotency = idempotency;
        this.access = access;
        this.units = units;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateUnitRequest.class);
        var building = access.building(caller, request.pathParam("buildingId"), Action.MANAGE);
        UnitItem unit = units.create(building, body);
        return HttpResponse.created(UnitView.of(unit)).location("/units/" + unit.getId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
