package app.domus.identity.handlers;

import app.domus.identity.IdentityComponent;
import app.domus.identity.identities.Provider;
import app.domus.identity.oauth.OAuthSettings;
import app.domus.identity.oauth.OAuthSignIn;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.persistence.DomusTable;
import java.time.Clock;

/**
 * {@code POST /auth/identities/{provider}/link} (signed in) → 200 {@code {url, expiresAt}}: the URL to open in the
 * browser to sign in with the provider and link it to the caller's account (a single-use ticket, 5 minutes). Creates
 * nothing that the API shows: the identity is linked only when the provider's sign-in comes back.
 */
public class LinkIdentityHandler extends HttpHandler {
    private final DomusTable table;
    private final Clock clock;
    private final OAuthSettings settings;

    public LinkIdentityHandler() {
        this(IdentityComponent.create());
    }

    private LinkIdentityHandler(IdentityComponent component) {
        this(component.table(), component.clock(), OAuthSettings.fromEnv());
    }

    LinkIdentityHandler(DomusTable table, Clock clock, OAuthSettings settings) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        String userId = request.caller().userId();
        Provider provider = Provider.of(request.pathParam("provider")).orElseThrow(() -> ApiException.notFound("The sign-in provider"));
        return HttpResponse.ok(OAuthSignIn.ticket(table, clock, settings, userId, provider));
    }
}
