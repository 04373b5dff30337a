package app.domus.notifications.history;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /notifications/{notificationId}/read}: one of the caller's notifications read; anyone else's is not found. */
public class ReadNotificationHandler extends HttpHandler {
    private final NotificationHistory history;

    public ReadNotificationHandler() {
        this(NotificationsComponent.create().history());
    }

    ReadNotificationHandler(NotificationHistory history) {
        this.history = history;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        return HttpResponse.ok(history.markRead(caller.userId(), request.pathParam("notificationId")));
    }
}
