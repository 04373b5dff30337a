package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.account.AccountService;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/password {currentPassword, newPassword}} → 204; every other session ends. */
@RateLimited(EndpointClass.AUTH)
public class ChangePasswordHandler extends HttpHandler {
    private final AccountService account;

    public ChangePasswordHandler() {
        this(IdentityComponent.create().account());
    }

    ChangePasswordHandler(AccountService account) {
        this.account = account;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Caller caller = request.caller();
        Requests.ChangePassword body = request.json(Requests.ChangePassword.class);
        account.changePassword(caller.userId(), caller.sessionId(), body.currentPassword(), body.newPassword());
        return HttpResponse.noContent();
    }
}
