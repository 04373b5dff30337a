package app.domus.maintenance.equipment;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /equipment/{equipmentId}/maintenance}: a service, repair or inspection (the building's managers; 201). */
@AcceptsIdempotencyKey
public class RecordMaintenanceHandler extends HttpHandler {
    private final IdempotencyStore idempotency;
    private final Equipment equipment;

    public RecordMaintenanceHandler() {
        this(MaintenanceComponent.create());
    }

    private RecordMaintenanceHandler(MaintenanceComponent wiring) {
        this(wiring.idempotency(), wiring.equipment());
    }

    RecordMaintenanceHandler(IdempotencyStore idempotency, Equipment equipment) {
        this.idempotency = idempotency;
        this.equipment = equipment;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Equipment.NewRecord body = request.json(Equipment.NewRecord.class);
        return HttpResponse.created(EquipmentViews.record(equipment.record(request.caller(), request.pathParam("equipmentId"), body)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
