package app.domus.delegations;

import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/**
 * {@code GET /delegations/{delegationId}}: its owner and its delegate (also by the e-mail it was sent to, before
 * they had an account) read it with its ETag; the invitation's link leads here.
 */
public class GetDelegationHandler extends HttpHandler {
    private final DelegationService delegations;

    public GetDelegationHandler() {
        this(DelegationsComponent.create().delegations());
    }

    GetDelegationHandler(DelegationService delegations) {
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        DelegationService.Shown shown = delegations.get(caller, request.pathParam("delegationId"));
        return HttpResponse.ok(shown.view()).etag(shown.version());
    }
}
