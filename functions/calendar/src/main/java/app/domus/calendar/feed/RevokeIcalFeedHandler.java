package app.domus.calendar.feed;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code DELETE /calendar/feeds/{feedId}}: the caller's feed revoked (204); its address answers 404 from now on. */
public class RevokeIcalFeedHandler extends HttpHandler {
    private final IcalFeeds feeds;

    public RevokeIcalFeedHandler() {
        this(CalendarComponent.create().feeds());
    }

    public RevokeIcalFeedHandler(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        feeds.revoke(request.caller(), request.pathParam("feedId"));
        return HttpResponse.noContent();
    }
}
