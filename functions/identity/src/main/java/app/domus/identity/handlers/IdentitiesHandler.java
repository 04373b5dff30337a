package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code GET /auth/identities} → the caller's linked sign-in providers: {@code {items: [{provider, email, linkedAt}]}}. */
public class IdentitiesHandler extends HttpHandler {
    private final ProviderIdentities identities;

    public IdentitiesHandler() {
        this(IdentityComponent.create().identities());
    }

    IdentitiesHandler(ProviderIdentities identities) {
        this.identities = identities;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(Map.of("items", identities.list(request.caller().userId())));
    }
}
