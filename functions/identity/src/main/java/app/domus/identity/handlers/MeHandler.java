package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.account.AccountService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /auth/me} → the caller, with their memberships. */
public class MeHandler extends HttpHandler {
    private final AccountService account;

    public MeHandler() {
        this(IdentityComponent.create().account());
    }

    MeHandler(AccountService account) {
        this.account = account;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(account.me(request.caller().userId()));
    }
}
