package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.identities.Provider;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code DELETE /auth/identities/{provider}} → 204; not linked 404; the account's last way to sign in (no password, no
 * other identity) 409 {@code last-sign-in-method}.
 */
public class DeleteIdentityHandler extends HttpHandler {
    private final ProviderIdentities identities;

    public DeleteIdentityHandler() {
        this(IdentityComponent.create().identities());
    }

    DeleteIdentityHandler(ProviderIdentities identities) {
        this.identities = identities;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = request.caller().userId();
        Provider provider = Provider.of(request.pathParam("provider")).orElseThrow(() -> ApiException.notFound("The sign-in provider"));
        identities.remove(userId, provider);
        return HttpResponse.noContent();
    }
}
