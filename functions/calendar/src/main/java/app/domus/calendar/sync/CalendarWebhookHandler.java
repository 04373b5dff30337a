package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /webhooks/calendar/{provider}}: a provider's change notification (Google's watch channel headers), public
 * and checked by the channel's token ({@link CalendarNotifications}); 204, and the connection's pull is queued.
 */
public class CalendarWebhookHandler extends HttpHandler {
    private final CalendarNotifications notifications;

    public CalendarWebhookHandler() {
        this(CalendarComponent.create().notifications());
    }

    public CalendarWebhookHandler(CalendarNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        notifications.notified(request.pathParam("provider"), request.header("X-Goog-Channel-ID").orElse(null),
                request.header("X-Goog-Channel-Token").orElse(null), request.header("X-Goog-Resource-State").orElse(null));
        return HttpResponse.noContent();
    }
}
