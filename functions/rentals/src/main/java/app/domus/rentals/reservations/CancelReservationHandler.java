package app.domus.rentals.reservations;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /reservations/{reservationId}/cancellation}: the building's manager cancels a direct booking. */
public class CancelReservationHandler extends HttpHandler {
    private final Reservations reservations;

    public CancelReservationHandler() {
        this(RentalsComponent.create().reservations());
    }

    public CancelReservationHandler(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(reservations.cancel(request.caller(), request.pathParam("reservationId")));
    }
}
