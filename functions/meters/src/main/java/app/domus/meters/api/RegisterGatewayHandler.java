package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.meters.ingest.GatewayIngestion;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /buildings/{buildingId}/meter-gateways}: a manager registers a gateway; its secret is shown this once. */
public class RegisterGatewayHandler extends HttpHandler {
    private final GatewayIngestion gateways = MetersComponent.create().gateways();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var registered = gateways.register(request.caller(), request.pathParam("buildingId"));
        var gateway = registered.gateway();
        return HttpResponse.created(Map.of("gatewayId", gateway.getId(), "buildingId", gateway.getBuildingId(), "secret", registered.secret(),
                "authorization", "Gateway " + gateway.getId() + ":" + registered.secret()));
    }
}
