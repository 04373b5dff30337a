package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.periods.ReadingPeriods;
/** {@code GET /buildings/{buildingId}/reading-periods/{periodId}/summary}: which meters have a reading in the period, and which not yet. */
public class ReadingPeriodSummaryHandler extends HttpHandler {
    private final ReadingPeriods periods = MetersComponent.create().periods();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(periods.summary(request.caller(), request.pathParam("buildingId"), request.pathParam("periodId")));
    }
}
