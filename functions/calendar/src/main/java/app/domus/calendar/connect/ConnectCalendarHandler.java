package app.domus.calendar.connect;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /calendar/connect {provider}}: the provider's consent address ({@code {provider, authorizationUrl}}, 200),
 * with a new single-use state and a PKCE challenge; the app sends the person there. Nothing is connected yet.
 */
public class ConnectCalendarHandler extends HttpHandler {
    private final Connections connections;

    public ConnectCalendarHandler() {
        this(CalendarComponent.create().connections());
    }

    public ConnectCalendarHandler(Connections connections) {
        this.connections = connections;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        Connections.Consent consent = connections.start(caller, request.json(ConnectRequests.class).provider());
        return HttpResponse.ok(java.util.Map.of("provider", consent.provider(), "authorizationUrl", consent.authorizationUrl()));
    }
}
