package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /units/{unitId}/calendar-feed}: a new address of the unit's own iCal feed, its token shown this once (201); the old address stops working. */
@AcceptsIdempotencyKey
public class CreateCalendarFeedHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final CalendarFeeds service;

    public CreateCalendarFeedHandler() {
        this(RentalsComponent.create());
    }

    private CreateCalendarFeedHandler(RentalsComponent wiring) {
        this(wiring.calendarFeeds());
        this.idempotency = wiring.idempotency();
    }

    /** With its service given (tests). */
    public CreateCalendarFeedHandler(CalendarFeeds service) {
        this.service = service;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(service.newToken(request.caller(), request.pathParam("unitId")));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
