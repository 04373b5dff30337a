package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.MeterRequests;
import app.domus.meters.registry.MeterView;
/** {@code POST /meters/{meterId}/replacement}: the old meter retired and its successor installed, in one step. */
@AcceptsIdempotencyKey
public class ReplaceMeterHandler extends HttpHandler {
    private final app.domus.meters.registry.MeterService meters;
    private final IdempotencyStore idempotency;

    public ReplaceMeterHandler() {
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
        var next = meters.replace(request.caller(), request.pathParam("meterId"), request.json(MeterRequests.ReplaceMeter.class));
        return HttpResponse.created(MeterView.of(next)).etag(next.getVersion()).location("/meters/" + next.getId());
    }
}
