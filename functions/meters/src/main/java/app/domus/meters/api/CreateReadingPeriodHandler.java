package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.periods.ReadingPeriods;
/** {@code POST /buildings/{buildingId}/reading-periods}: a window for residents' readings. */
@AcceptsIdempotencyKey
public class CreateReadingPeriodHandler extends HttpHandler {
    private final ReadingPeriods periods;
    private final IdempotencyStore idempotency;

    public CreateReadingPeriodHandler() {
        MetersComponent wiring = MetersComponent.create();
        this.periods = wiring.periods();
        this.idempotency = wiring.idempotency();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var period = periods.create(request.caller(), request.pathParam("buildingId"), request.json(ReadingPeriods.CreatePeriod.class));
        return HttpResponse.created(PeriodView.of(period)).location("/buildings/" + period.getBuildingId() + "/reading-periods/" + period.getId());
    }
}
