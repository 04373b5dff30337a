package app.domus.delegations;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /delegations/{delegationId}/accept}: the delegate accepts a pending delegation; honours {@code If-Match}. */
public class AcceptDelegationHandler extends HttpHandler {
    private final DelegationService delegations;

    public AcceptDelegationHandler() {
        this(DelegationsComponent.create().delegations());
    }

    AcceptDelegationHandler(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var ifMatch = request.ifMatchVersion();
        DelegationService.Shown accepted = delegations.accept(caller, request.pathParam("delegationId"), ifMatch);
        return HttpResponse.ok(accepted.view()).etag(accepted.version());
    }
}
