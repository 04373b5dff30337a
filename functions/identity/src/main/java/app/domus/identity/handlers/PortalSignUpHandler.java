package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.portal.PortalSignUp;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /portal/signup {email, password, name}} (public) → 202, the same answer whether or not the address has an
 * account; the verification link (or, for a known address, a note) goes by e-mail. 429 beyond the sign-up limits.
 */
@RateLimited(EndpointClass.AUTH)
public class PortalSignUpHandler extends HttpHandler {
    private final PortalSignUp signUp;

    public PortalSignUpHandler() {
        this(IdentityComponent.create().portalSignUp());
    }

    PortalSignUpHandler(PortalSignUp signUp) {
        this.signUp = signUp;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Requests.PortalSignUp body = request.json(Requests.PortalSignUp.class);
        return HttpResponse.accepted(signUp.signUp(body.email(), body.password(), body.name(), request.sourceIp()));
    }
}
