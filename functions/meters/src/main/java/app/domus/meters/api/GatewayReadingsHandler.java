package app.domus.meters.api;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.meters.MetersComponent;
import app.domus.meters.ingest.GatewayIngestion;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/**
 * {@code POST /internal/meter-readings}: a gateway's batch of device readings, authenticated by the gateway's own
 * credential (the route has no JWT authorizer), into the same queue as MQTT readings; 202.
 */
@RateLimited(EndpointClass.WEBHOOKS)
public class GatewayReadingsHandler extends HttpHandler {
    private final GatewayIngestion gateways = MetersComponent.create().gateways();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var gateway = gateways.authenticate(request.header("authorization"));
        int queued = gateways.submit(gateway, request.json(GatewayIngestion.Batch.class));
        return HttpResponse.accepted(Map.of("queued", queued));
    }
}
