package app.domus.maintenance.equipment;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /equipment/{equipmentId}}: a piece of equipment with its maintenance records (the building's members). */
public class GetEquipmentHandler extends HttpHandler {
    private final Equipment equipment;

    public GetEquipmentHandler() {
        this(MaintenanceComponent.create().equipment());
    }

    public GetEquipmentHandler(Equipment equipment) {
        this.equipment = equipment;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Equipment.View view = equipment.get(request.caller(), request.pathParam("equipmentId"), Action.READ);
        return HttpResponse.ok(EquipmentViews.of(view.equipment(), view.records()));
    }
}
