package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.registration.RegistrationService;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /auth/register {email, password, invitationCode}} → 201 {@code {userId, token, refreshToken}}. */
@RateLimited(EndpointClass.AUTH)
public class RegisterHandler extends HttpHandler {
    private final RegistrationService registration;

    public RegisterHandler() {
        this(IdentityComponent.create().registration());
    }

    RegisterHandler(RegistrationService registration) {
        this.registration = registration;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Requests.Register body = request.json(Requests.Register.class);
        var registered = registration.register(body.email(), body.password(), body.invitationCode(), body.displayName(),
                request.sourceIp(), request.userAgent());
        return HttpResponse.created(registered).location("/auth/me");
    }
}
