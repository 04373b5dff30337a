package app.domus.maintenance.equipment;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /buildings/{buildingId}/equipment}: the building's equipment (its members). */
public class ListEquipmentHandler extends HttpHandler {
    private final Equipment equipment;

    public ListEquipmentHandler() {
        this(MaintenanceComponent.create().equipment());
    }

    public ListEquipmentHandler(Equipment equipment) {
        this.equipment = equipment;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("items", equipment.list(request.caller(), request.pathParam("buildingId")).stream()
                .map(e -> EquipmentViews.of(e, null)).toList()));
    }
}
