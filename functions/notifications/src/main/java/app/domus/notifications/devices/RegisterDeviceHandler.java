package app.domus.notifications.devices;

import app.domus.notifications.DaggerNotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /me/devices}: 201 for a new device, 200 when the token was already registered. */
public class RegisterDeviceHandler extends HttpHandler {
    private final DeviceService devices;

    public RegisterDeviceHandler() {
        this(DaggerNotificationsComponent.create().devices());
    }

    RegisterDeviceHandler(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(RegisterDeviceRequest.class);
        DeviceService.Registration registration = devices.register(caller.userId(), body);
        String deviceId = registration.device().getDeviceId();
        return HttpResponse.status(registration.created() ? 201 : 200, Map.of("deviceId", deviceId))
                .location("/me/devices/" + deviceId);
    }
}
