package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.verification.EmailVerification;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /auth/verify-email {token}} (public: the link is opened wherever the e-mail is read) → 200
 * {@code {userId, email, emailVerified: true}}; a used, expired or unknown token is 401 invalid-token. Tokens issued
 * before carry {@code email_verified: false}: sign in again (or refresh) for one that says verified.
 */
@RateLimited(EndpointClass.AUTH)
public class VerifyEmailHandler extends HttpHandler {
    private final EmailVerification verification;

    public VerifyEmailHandler() {
        this(IdentityComponent.create().verification());
    }

    VerifyEmailHandler(EmailVerification verification) {
        this.verification = verification;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(verification.verify(request.json(Requests.VerifyEmail.class).token()));
    }
}
