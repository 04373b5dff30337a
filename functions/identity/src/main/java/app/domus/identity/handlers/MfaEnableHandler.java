package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.mfa.MfaService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /auth/mfa/enable {code}} → {@code {mfaEnabled: true, recoveryCodes[]}}, shown once. */
public class MfaEnableHandler extends HttpHandler {
    private final MfaService mfa;

    public MfaEnableHandler() {
        this(IdentityComponent.create().mfa());
    }

    MfaEnableHandler(MfaService mfa) {
        this.mfa = mfa;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = request.caller().userId();
        Requests.MfaCode body = request.json(Requests.MfaCode.class);
        return HttpResponse.ok(Map.of("mfaEnabled", true, "recoveryCodes", mfa.enable(userId, body.code())));
    }
}
