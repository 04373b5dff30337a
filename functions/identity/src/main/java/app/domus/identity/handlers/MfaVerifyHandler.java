package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.login.LoginService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/mfa/verify {mfaToken, code}} → {@code {accessToken, refreshToken, user}}. */
@RateLimited(EndpointClass.AUTH)
public class MfaVerifyHandler extends HttpHandler {
    private final LoginService login;

    public MfaVerifyHandler() {
        this(IdentityComponent.create().login());
    }

    MfaVerifyHandler(LoginService login) {
        this.login = login;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Requests.MfaVerify body = request.json(Requests.MfaVerify.class);
        return HttpResponse.ok(login.verifyMfa(body.mfaToken(), body.code()));
    }
}
