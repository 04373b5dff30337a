package app.domus.tenancy.ownerships;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;
import java.util.Map;

/** {@code POST /units/{unitId}/ownerships}: organisation admins and the managers of the unit's building. */
@AcceptsIdempotencyKey
public class RecordOwnershipHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final AccessService access;
    private final OwnershipService ownerships;

    public RecordOwnershipHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.access();
        this.ownerships = wiring.ownerships();
    }

    RecordOwnershipHandler(IdempotencyStore idempotency, AccessService access, OwnershipService ownerships) {
        this.idempotency = idempotency;
        this.access = access;
        this.ownerships = ownerships;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(RecordOwnershipRequest.class);
        var unit = access.unit(caller, request.pathParam("unitId"), Action.MANAGE);
        OwnershipService.Recorded recorded = ownerships.record(unit, body);
        OwnershipView view = OwnershipView.of(recorded.ownership());
        return HttpResponse.created(Map.of("buildingId", view.buildingId(), "unitId", view.unitId(),
                "ownerId", view.ownerId(), "share", view.share(), "buildingTotal", recorded.buildingTotal().toString()));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
