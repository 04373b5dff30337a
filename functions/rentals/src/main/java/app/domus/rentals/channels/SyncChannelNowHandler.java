package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /units/{unitId}/channels/{channelId}/sync}: syncs the channel now: one request on the sync queue (202); asking again queues another, which finds nothing new to apply. */
public class SyncChannelNowHandler extends HttpHandler {
    private final Channels service;

    public SyncChannelNowHandler() {
        this(RentalsComponent.create());
    }

    private SyncChannelNowHandler(RentalsComponent wiring) {
        this(wiring.channels());
    }

    /** With its service given (tests). */
    public SyncChannelNowHandler(Channels service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.accepted(service.syncNow(request.caller(), request.pathParam("unitId"), request.pathParam("channelId")));
    }
}
