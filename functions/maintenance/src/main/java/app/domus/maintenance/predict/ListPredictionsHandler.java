package app.domus.maintenance.predict;

import app.domus.maintenance.MaintenanceComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /buildings/{buildingId}/predictions}: the latest risk of each piece of equipment, riskiest first, with reasons. */
public class ListPredictionsHandler extends HttpHandler {
    private final Predictions predictions;

    public ListPredictionsHandler() {
        this(MaintenanceComponent.create().predictions());
    }

    public ListPredictionsHandler(Predictions predictions) {
        this.predictions = predictions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("items", predictions.latest(request.caller(), request.pathParam("buildingId")).stream().map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("equipmentId", p.getEquipmentId());
            out.put("day", p.getDay());
            out.put("risk", Double.parseDouble(p.getRisk()));
            out.put("level", p.getLevel());
            out.put("reasons", Json.read(p.getReasons(), JsonNode.class));
            out.put("source", p.getSource());
            out.put("modelVersion", p.getModelVersion());
            out.put("predictedAt", p.getPredictedAt());
            return out;
        }).toList()));
    }
}
