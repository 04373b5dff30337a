package app.domus.notifications.history;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /notifications/read-all}: everything the caller was sent so far is read; answers what is left unread. */
public class ReadAllNotificationsHandler extends HttpHandler {
    private final NotificationHistory history;

    public ReadAllNotificationsHandler() {
        this(NotificationsComponent.create().history());
    }

    ReadAllNotificationsHandler(NotificationHistory history) {
        this.history = history;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.ok(Map.of("unread", history.markAllRead(caller.userId())));
    }
}
