package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.mfa.MfaService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/mfa/setup} → {@code {secret, otpauthUri}} for the user's authenticator app. */
public class MfaSetupHandler extends HttpHandler {
    private final MfaService mfa;

    public MfaSetupHandler() {
        this(IdentityComponent.create().mfa());
    }

    MfaSetupHandler(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(mfa.setup(request.caller().userId()));
    }
}
