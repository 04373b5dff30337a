package app.domus.rentals.stays;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code PUT /reservations/{reservationId}/guest-registration}: the manager gives the stay's guests (and images of their
 * ID documents) for the police registration, or corrects a rejected one; the saga submits it (202).
 */
public class PutGuestRegistrationHandler extends HttpHandler {
    private final Stays stays;

    public PutGuestRegistrationHandler() {
        this(StaysComponent.create().stays());
    }

    public PutGuestRegistrationHandler(Stays stays) {
        this.stays = stays;
    }

    /** Up to four ID images of 1 MiB each, base64: what a Lambda takes in one request. */
    @Override
    protected int maxBodyBytes() {
        return 6 * 1024 * 1024;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.accepted(stays.register(request.caller(), request.pathParam("reservationId"), request.json(StayRequests.Registration.class)));
    }
}
