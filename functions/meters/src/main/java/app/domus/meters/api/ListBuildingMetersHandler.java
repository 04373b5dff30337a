package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.MeterView;
import java.util.Map;
/** {@code GET /buildings/{buildingId}/meters}: every meter of a building, for its managers. */
public class ListBuildingMetersHandler extends HttpHandler {
    private final app.domus.meters.registry.MeterService meters = MetersComponent.create().meters();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var list = meters.ofBuilding(request.caller(), request.pathParam("buildingId")).stream().map(MeterView::of).toList();
        return HttpResponse.ok(Map.of("items", list));
    }
}
