package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /auth/sessions} → the caller's sessions, newest first, the current one marked. */
public class SessionsHandler extends HttpHandler {
    private final SessionService sessions;

    public SessionsHandler() {
        this(IdentityComponent.create().sessions());
    }

    SessionsHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Caller caller = request.caller();
        return HttpResponse.ok(Map.of("items", sessions.list(caller.userId(), caller.sessionId())));
    }
}
