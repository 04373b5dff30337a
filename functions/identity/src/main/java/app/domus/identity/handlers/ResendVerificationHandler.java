package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.verification.EmailVerification;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /auth/verify-email/resend} (signed in) → 202 {@code {sent, email}}: a new link to the caller's address
 * ({@code sent: false} when it is verified already); 429 beyond {@value EmailVerification#RESENDS_PER_HOUR} an hour.
 */
@RateLimited(EndpointClass.AUTH)
public class ResendVerificationHandler extends HttpHandler {
    private final EmailVerification verification;

    public ResendVerificationHandler() {
        this(IdentityComponent.create().verification());
    }

    ResendVerificationHandler(EmailVerification verification) {
        this.verification = verification;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.accepted(verification.resend(request.caller()));
    }
}
