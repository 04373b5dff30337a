package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.login.LoginService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/login {email, password}} → tokens and user, or {@code {mfaRequired: true, mfaToken}}. */
@RateLimited(EndpointClass.AUTH)
public class LoginHandler extends HttpHandler {
    private final LoginService login;

    public LoginHandler() {
        this(IdentityComponent.create().login());
    }

    LoginHandler(LoginService login) {
        this.login = login;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Requests.Login body = request.json(Requests.Login.class);
        return HttpResponse.ok(login.login(body.email(), body.password(), request.sourceIp(), request.userAgent()));
    }
}
