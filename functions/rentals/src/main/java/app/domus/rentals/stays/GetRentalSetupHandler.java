package app.domus.rentals.stays;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /units/{unitId}/rental-setup}: the unit's set-up for its managers and owners (the Wi-Fi password is not shown). */
public class GetRentalSetupHandler extends HttpHandler {
    private final Stays stays;

    public GetRentalSetupHandler() {
        this(StaysComponent.create().stays());
    }

    public GetRentalSetupHandler(Stays stays) {
        this.stays = stays;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(stays.setup(request.caller(), request.pathParam("unitId")));
    }
}
