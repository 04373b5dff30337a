package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.MeterRequests;
import app.domus.meters.registry.MeterView;
/** {@code POST /meters/{meterId}/retirement}: a meter taken out of service (with its final reading, when given). */
public class RetireMeterHandler extends HttpHandler {
    private final app.domus.meters.registry.MeterService meters = MetersComponent.create().meters();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var meter = meters.retire(request.caller(), request.pathParam("meterId"), request.json(MeterRequests.RetireMeter.class));
        return HttpResponse.ok(MeterView.of(meter)).etag(meter.getVersion());
    }
}
