package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /units/{unitId}/calendar.ics?token=}: the unit's stays as an iCalendar, for the channels that import one.
 * Public (a channel fetches it without signing in): the token is the authority; a wrong one is 404.
 */
public class GetCalendarFeedHandler extends HttpHandler {
    private final CalendarFeeds feeds;

    public GetCalendarFeedHandler() {
        this(RentalsComponent.create().calendarFeeds());
    }

    public GetCalendarFeedHandler(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String body = feeds.feed(request.pathParam("unitId"), request.query("token").orElse(null));
        return HttpResponse.ok(body).header("Content-Type", "text/calendar; charset=utf-8").header("Cache-Control", "private, max-age=300");
    }
}
