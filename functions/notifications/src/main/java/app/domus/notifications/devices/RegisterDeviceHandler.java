package app.domus.notifications.devices;

import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.notifications.NotificationsComponent;
import java.util.Map;

/** {@code POST /me/devices}: 201 for a new device, 200 when the token was already registered. */
@AcceptsIdempotencyKey
public class RegisterDeviceHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final DeviceService devices;

    public RegisterDeviceHandler() {
        this(NotificationsComponent.create());
    }

    private RegisterDeviceHandler(NotificationsComponent wiring) {
        this(wiring.idempotency(), wiring.devices());
    }

    RegisterDeviceHandler(IdempotencyStore idempotency, DeviceService devices) {
        this.idempotency = idempotency;
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

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
