package app.domus.meters.api;

import app.domus.meters.MetersComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code DELETE /meter-devices/{deviceId}}: the device may no longer connect or send readings. */
public class RevokeMeterDeviceHandler extends HttpHandler {
    private final app.domus.meters.registry.DeviceService devices = MetersComponent.create().devices();

    @Override
    protected HttpResponse handle(HttpRequest request) {
        devices.revoke(request.caller(), request.pathParam("deviceId"));
        return HttpResponse.noContent();
    }
}
