package app.domus.tenancy.invitations;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/** {@code GET /organisations/{organisationId}/invitations}: admins see all, managers their buildings' invitations. */
public class ListInvitationsHandler extends HttpHandler {
    private final AccessService access;
    private final InvitationService invitations;

    public ListInvitationsHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.invitations = wiring.invitations();
    }

    ListInvitationsHandler(AccessService access, InvitationService invitations) {
        this.access = access;
        this.invitations = invitations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        int limit = request.limit();
        var org = access.organisation(caller, request.pathParam("organisationId"), Action.INVITE);
        return HttpResponse.ok(invitations.list(org.getId(), access.memberships(caller.userId(), org.getId()), limit,
                request.query("cursor").orElse(null)));
    }
}
