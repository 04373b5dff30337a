package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/logout} → 204; ends the caller's current session and its refresh tokens. */
public class LogoutHandler extends HttpHandler {
    private final SessionService sessions;

    public LogoutHandler() {
        this(IdentityComponent.create().sessions());
    }

    LogoutHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Caller caller = request.caller();
        if (caller.sessionId() != null) sessions.close(caller.userId(), caller.sessionId());
        return HttpResponse.noContent();
    }
}
