package app.domus.identity.handlers;

import app.domus.shared.guard.EndpointClass;
import app.domus.shared.guard.RateLimited;
import app.domus.identity.IdentityComponent;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code POST /auth/identities/confirm {token}} (public: the e-mailed link is opened wherever the mail is read) → 200
 * {@code {userId, provider, linked: true}}: the provider identity joins the account; sign in with the provider again.
 * A used, expired or unknown token is 401 {@code invalid-token}; an identity linked meanwhile elsewhere 409.
 */
@RateLimited(EndpointClass.AUTH)
public class ConfirmIdentityLinkHandler extends HttpHandler {
    private final ProviderIdentities identities;

    public ConfirmIdentityLinkHandler() {
        this(IdentityComponent.create().identities());
    }

    ConfirmIdentityLinkHandler(ProviderIdentities identities) {
        this.identities = identities;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(identities.confirmEmailLink(request.json(Requests.VerifyEmail.class).token()));
    }
}
