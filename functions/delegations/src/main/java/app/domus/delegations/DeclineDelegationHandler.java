package app.domus.delegations;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /delegations/{delegationId}/decline}: the delegate declines a pending delegation; honours {@code If-Match}. */
public class DeclineDelegationHandler extends HttpHandler {
    private final DelegationService delegations;

    public DeclineDelegationHandler() {
        this(DelegationsComponent.create().delegations());
    }

    DeclineDelegationHandler(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var ifMatch = request.ifMatchVersion();
        DelegationService.Shown declined = delegations.decline(caller, request.pathParam("delegationId"), ifMatch);
        return HttpResponse.ok(declined.view()).etag(declined.version());
    }
}
