package app.domus.rentals.reservations;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /units/{unitId}/reservations}: a direct booking by the building's manager (201, channel {@code direct}). */
@AcceptsIdempotencyKey
public class CreateReservationHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Reservations reservations;

    public CreateReservationHandler() {
        this(RentalsComponent.create());
    }

    private CreateReservationHandler(RentalsComponent wiring) {
        this(wiring.reservations());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateReservationHandler(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String unitId = request.pathParam("unitId");
        return HttpResponse.created(reservations.book(request.caller(), unitId, request.json(ReservationRequests.Book.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
