package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.meters.registry.DeviceService;
import java.util.Map;
/** {@code POST /meters/{meterId}/devices}: a smart-meter device registered to the meter; its secret is shown this once. */
public class RegisterMeterDeviceHandler extends HttpHandler {
    private final app.domus.meters.registry.DeviceService devices = MetersComponent.create().devices();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var registered = devices.register(request.caller(), request.pathParam("meterId"));
        var device = registered.device();
        String topic = DeviceService.readingsTopic(device.getId());
        return HttpResponse.created(Map.of("deviceId", device.getId(), "meterId", device.getMeterId(), "secret", registered.secret(),
                "status", "active", "mqtt", Map.of("clientId", device.getId(), "username", device.getId(), "topic", topic)))
                .location("/meter-devices/" + device.getId());
    }
}
