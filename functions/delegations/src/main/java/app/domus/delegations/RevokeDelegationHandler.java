package app.domus.delegations;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code DELETE /delegations/{delegationId}}: the owner revokes a pending or accepted delegation; honours
 * {@code If-Match}. The delegation is kept, as revoked, so that both sides can still see what was given.
 */
public class RevokeDelegationHandler extends HttpHandler {
    private final DelegationService delegations;

    public RevokeDelegationHandler() {
        this(DelegationsComponent.create().delegations());
    }

    RevokeDelegationHandler(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var ifMatch = request.ifMatchVersion();
        DelegationService.Shown revoked = delegations.revoke(caller, request.pathParam("delegationId"), ifMatch);
        return HttpResponse.ok(revoked.view()).etag(revoked.version());
    }
}
