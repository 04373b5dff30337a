package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.mfa.MfaService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/mfa/disable {code}} → 204; needs a current code or a recovery code. */
public class MfaDisableHandler extends HttpHandler {
    private final MfaService mfa;

    public MfaDisableHandler() {
        this(IdentityComponent.create().mfa());
    }

    MfaDisableHandler(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = request.caller().userId();
        mfa.disable(userId, request.json(Requests.MfaCode.class).code());
        return HttpResponse.noContent();
    }
}
