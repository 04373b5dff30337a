package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.periods.ReadingPeriods;
import java.util.Map;
/** {@code POST /buildings/{buildingId}/reading-periods/{periodId}/reminders}: the residents still missing a reading are reminded. */
public class RemindReadingPeriodHandler extends HttpHandler {
    private final ReadingPeriods periods = MetersComponent.create().periods();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        int told = periods.remind(request.caller(), request.pathParam("buildingId"), request.pathParam("periodId"));
        return HttpResponse.accepted(Map.of("reminded", told));
    }
}
