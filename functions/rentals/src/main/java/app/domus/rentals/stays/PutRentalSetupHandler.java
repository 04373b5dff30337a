package app.domus.rentals.stays;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code PUT /units/{unitId}/rental-setup}: the building's manager sets the unit up for short stays (lock, police establishment, times, Wi-Fi). */
public class PutRentalSetupHandler extends HttpHandler {
    private final Stays stays;

    public PutRentalSetupHandler() {
        this(StaysComponent.create().stays());
    }

    public PutRentalSetupHandler(Stays stays) {
        this.stays = stays;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(stays.setUp(request.caller(), request.pathParam("unitId"), request.json(StayRequests.Setup.class)));
    }
}
