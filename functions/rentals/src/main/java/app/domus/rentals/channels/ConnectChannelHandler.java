package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /units/{unitId}/channels}: connects the unit to a channel manager's property or an iCal feed (201; the credentials are never answered). */
@AcceptsIdempotencyKey
public class ConnectChannelHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final Channels service;

    public ConnectChannelHandler() {
        this(RentalsComponent.create());
    }

    private ConnectChannelHandler(RentalsComponent wiring) {
        this(wiring.channels());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public ConnectChannelHandler(Channels service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(service.connect(request.caller(), request.pathParam("unitId"), request.json(ChannelRequests.Connect.class)));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
