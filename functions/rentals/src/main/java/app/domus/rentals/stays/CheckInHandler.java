package app.domus.rentals.stays;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /check-in {reservationId, accessCode}}: the guest checks in (no account: the access code of the welcome
 * message is the authority, behind limits against guessing) and is given the keypad code and the Wi-Fi.
 */
@RateLimited(EndpointClass.AUTH)
public class CheckInHandler extends HttpHandler {
    private final Stays stays;

    public CheckInHandler() {
        this(StaysComponent.create().stays());
    }

    public CheckInHandler(Stays stays) {
        this.stays = stays;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(stays.checkIn(request.json(StayRequests.Presence.class), request.sourceIp()));
    }
}
