package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /auth/logout-all} → {@code {sessionsEnded}}; ends every session of the caller, this one too. */
public class LogoutAllHandler extends HttpHandler {
    private final SessionService sessions;

    public LogoutAllHandler() {
        this(IdentityComponent.create().sessions());
    }

    LogoutAllHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("sessionsEnded", sessions.closeAll(request.caller().userId(), null)));
    }
}
