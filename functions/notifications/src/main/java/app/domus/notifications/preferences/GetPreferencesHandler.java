package app.domus.notifications.preferences;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /me/notification-preferences}: the caller's switches for every category, defaults filled in. */
public class GetPreferencesHandler extends HttpHandler {
    private final PreferencesService preferences;

    public GetPreferencesHandler() {
        this(NotificationsComponent.create().preferences());
    }

    GetPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        PreferencesService.Versioned current = preferences.read(caller.userId());
        return HttpResponse.ok(Map.of("categories", current.preferences().toWire())).etag(current.version());
    }
}
