package app.domus.notifications.preferences;

import app.domus.notifications.NotificationsComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code PUT /me/notification-preferences}: replaces the caller's switches; honours {@code If-Match}. */
public class PutPreferencesHandler extends HttpHandler {
    private final PreferencesService preferences;

    public PutPreferencesHandler() {
        this(NotificationsComponent.create().preferences());
    }

    PutPreferencesHandler(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(PreferencesRequest.class);
        PreferencesService.Versioned saved = preferences.replace(caller.userId(), request.ifMatchVersion(), body);
        return HttpResponse.ok(Map.of("categories", saved.preferences().toWire())).etag(saved.version());
    }
}
