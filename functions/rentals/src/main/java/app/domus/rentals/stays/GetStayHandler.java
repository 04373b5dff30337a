package app.domus.rentals.stays;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /reservations/{reservationId}/stay}: where the stay's steps stand (lock code, police registration, check-in), for the managers and owners. */
public class GetStayHandler extends HttpHandler {
    private final Stays stays;

    public GetStayHandler() {
        this(StaysComponent.create().stays());
    }

    public GetStayHandler(Stays stays) {
        this.stays = stays;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(stays.stay(request.caller(), request.pathParam("reservationId")));
    }
}
