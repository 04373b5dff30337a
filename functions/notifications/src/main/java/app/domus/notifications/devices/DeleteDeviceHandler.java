package app.domus.notifications.devices;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code DELETE /me/devices/{deviceId}}: the caller stops receiving push on that device. */
public class DeleteDeviceHandler extends HttpHandler {
    private final DeviceService devices;

    public DeleteDeviceHandler() {
        this(NotificationsComponent.create().devices());
    }

    DeleteDeviceHandler(DeviceService devices) {
        this.devices = devices;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        devices.remove(caller.userId(), request.pathParam("deviceId"));
        return HttpResponse.noContent();
    }
}
