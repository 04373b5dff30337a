package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.MeterView;
/** {@code GET /meters/{meterId}}: whoever may read the meter's unit (or building, for a common meter). */
public class GetMeterHandler extends HttpHandler {
    private final app.domus.meters.registry.MeterService meters = MetersComponent.create().meters();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var meter = meters.get(request.caller(), request.pathParam("meterId"));
        return HttpResponse.ok(MeterView.of(meter)).etag(meter.getVersion());
    }
}
