package app.domus.calendar.feed;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /calendar/feeds/{feedId}/calendar.ics?token=}: the person's calendar as iCalendar; public, the token is the authority (a wrong one is 404). */
public class GetIcalFeedHandler extends HttpHandler {
    private final IcalFeeds feeds;

    public GetIcalFeedHandler() {
        this(CalendarComponent.create().feeds());
    }

    public GetIcalFeedHandler(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String body = feeds.feed(request.pathParam("feedId"), request.query("token").orElse(null));
        return HttpResponse.ok(body).header("Content-Type", "text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300");
    }
}
