package app.domus.rentals.reservations;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /units/{unitId}/reservations}: the unit's stays by arrival, to its building's managers and its owners. */
public class ListReservationsHandler extends HttpHandler {
    private final Reservations reservations;

    public ListReservationsHandler() {
        this(RentalsComponent.create().reservations());
    }

    public ListReservationsHandler(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(reservations.list(request.caller(), request.pathParam("unitId")));
    }
}
