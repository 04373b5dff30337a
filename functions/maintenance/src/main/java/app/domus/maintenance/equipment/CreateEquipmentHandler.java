package app.domus.maintenance.equipment;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /buildings/{buildingId}/equipment}: a piece of the building's equipment (its managers; 201). */
@AcceptsIdempotencyKey
public class CreateEquipmentHandler extends HttpHandler {
    private final IdempotencyStore idempotency;
    private final Equipment equipment;

    public CreateEquipmentHandler() {
        this(MaintenanceComponent.create());
    }

    private CreateEquipmentHandler(MaintenanceComponent wiring) {
        this(wiring.idempotency(), wiring.equipment());
    }

    CreateEquipmentHandler(IdempotencyStore idempotency, Equipment equipment) {
        this.idempotency = idempotency;
        this.equipment = equipment;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Equipment.NewEquipment body = request.json(Equipment.NewEquipment.class);
        return HttpResponse.created(EquipmentViews.of(equipment.register(request.caller(), request.pathParam("buildingId"), body), null));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
