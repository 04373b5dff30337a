package app.domus.rentals.reservations;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /reservations/{reservationId}}: one stay, to its building's managers and its unit's owners. */
public class GetReservationHandler extends HttpHandler {
    private final Reservations reservations;

    public GetReservationHandler() {
        this(RentalsComponent.create().reservations());
    }

    public GetReservationHandler(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(reservations.get(request.caller(), request.pathParam("reservationId")));
    }
}
