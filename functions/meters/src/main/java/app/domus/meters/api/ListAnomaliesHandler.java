package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /buildings/{buildingId}/meter-anomalies}: the building's meter anomalies, newest first, for its managers. */
public class ListAnomaliesHandler extends HttpHandler {
    private final app.domus.meters.readings.ReadingQueries queries = MetersComponent.create().queries();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(queries.anomalies(request.caller(), request.pathParam("buildingId"), request.limit(), request.query("cursor").orElse(null))
                .map(AnomalyView::of));
    }
}
