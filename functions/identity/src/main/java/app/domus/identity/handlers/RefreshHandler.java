package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /auth/refresh {refreshToken}} → {@code {accessToken, refreshToken}}; the old refresh token is spent. */
@RateLimited(EndpointClass.AUTH)
public class RefreshHandler extends HttpHandler {
    private final SessionService sessions;

    public RefreshHandler() {
        this(IdentityComponent.create().sessions());
    }

    RefreshHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        SessionService.Tokens tokens = sessions.refresh(request.json(Requests.Refresh.class).refreshToken());
        return HttpResponse.ok(Map.of("accessToken", tokens.accessToken(), "refreshToken", tokens.refreshToken()));
    }
}
