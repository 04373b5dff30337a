package app.domus.calendar.feed;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.idempotency.IdempotencyStore;

/** {@code POST /calendar/feeds}: a new secret address of the caller's iCal feed (201, the token shown this once); earlier ones stop working. */
@AcceptsIdempotencyKey
public class CreateIcalFeedHandler extends HttpHandler {
    private IdempotencyStore idempotency;
    private final IcalFeeds feeds;

    public CreateIcalFeedHandler() {
        this(CalendarComponent.create());
    }

    private CreateIcalFeedHandler(CalendarComponent wiring) {
        this(wiring.feeds());
        this.idempotency = wiring.idempotency();
    }

    public CreateIcalFeedHandler(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.created(feeds.create(request.caller()));
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
