package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.periods.ReadingPeriods;
import java.util.Map;
/** {@code GET /buildings/{buildingId}/reading-periods}: the building's reading periods, in date order. */
public class ListReadingPeriodsHandler extends HttpHandler {
    private final ReadingPeriods periods = MetersComponent.create().periods();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("items", periods.list(request.caller(), request.pathParam("buildingId")).stream().map(PeriodView::of).toList()));
    }
}
