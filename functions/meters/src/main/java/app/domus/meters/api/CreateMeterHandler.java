package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.MeterRequests;
import app.domus.meters.registry.MeterView;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.idempotency.IdempotencyStore;
/** {@code POST /meters}: a building's manager installs a meter in a unit, or a common one in the building. */
@AcceptsIdempotencyKey
public class CreateMeterHandler extends HttpHandler {
    private final app.domus.meters.registry.MeterService meters;
    private final IdempotencyStore idempotency;

    public CreateMeterHandler() {
        MetersComponent wiring = MetersComponent.create();
        this.meters = wiring.meters();
        this.idempotency = wiring.idempotency();
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var meter = meters.create(request.caller(), request.json(MeterRequests.CreateMeter.class));
        return HttpResponse.created(MeterView.of(meter)).etag(meter.getVersion()).location("/meters/" + meter.getId());
    }
}
