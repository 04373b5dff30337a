package app.domus.notifications.history;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /notifications}: the caller's notifications, newest first, with their unread count. */
public class ListNotificationsHandler extends HttpHandler {
    private final NotificationHistory history;

    public ListNotificationsHandler() {
        this(NotificationsComponent.create().history());
    }

    ListNotificationsHandler(NotificationHistory history) {
        this.history = history;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.ok(history.page(caller.userId(), request.limit(), request.query("cursor").orElse(null)));
    }
}
