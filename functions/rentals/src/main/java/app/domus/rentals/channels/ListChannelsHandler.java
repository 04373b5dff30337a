package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;


/** {@code GET /units/{unitId}/channels}: the unit's channels, each with its sync health (last success, last error, next run, circuit breaker). */

public class ListChannelsHandler extends HttpHandler {

    private final Channels service;

    public ListChannelsHandler() {
        this(RentalsComponent.create());
    }

    private ListChannelsHandler(RentalsComponent wiring) {
        this(wiring.channels());

    }

    /** With its service given (tests). */
    public ListChannelsHandler(Channels service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(service.list(request.caller(), request.pathParam("unitId")));
    }

}
