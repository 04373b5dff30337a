package app.domus.rentals.stays;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /check-out {reservationId, accessCode}}: the guest checks out; the keypad code is revoked. */
@RateLimited(EndpointClass.AUTH)
public class CheckOutHandler extends HttpHandler {
    private final Stays stays;

    public CheckOutHandler() {
        this(StaysComponent.create().stays());
    }

    public CheckOutHandler(Stays stays) {
        this.stays = stays;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(stays.checkOut(request.json(StayRequests.Presence.class), request.sourceIp()));
    }
}
