package app.domus.tenancy.invitations;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/**
 * {@code POST /invitations}: organisation admins invite to any role; a building's managers invite
 * technicians, owners and tenants to their own building.
 */
@AcceptsIdempotencyKey
public class CreateInvitationHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final AccessService access;
    private final InvitationService invitations;

    public CreateInvitationHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.access();
        this.invitations = wiring.invitations();
    }

    CreateInvitationHandler(IdempotencyStore idempotency, AccessService access, InvitationService invitations) {
        this.idempotency = idempotency;
        this.access = access;
        this.invitations = invitations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateInvitationRequest.class);
        InvitationService.Grant grant = authorise(caller, body);
        InvitationView invitation = invitations.create(caller.userId(), grant, body.email(), body.days());
        return HttpResponse.created(invitation);
    }

    /** Checks the caller may invite to this role and scope, and resolves the scope (a unit names its building). */
    private InvitationService.Grant authorise(Caller caller, CreateInvitationRequest body) {
        String organisationId = body.organisationId();
        var role = body.roleValue();
        access.organisation(caller, organisationId, Action.INVITE);
        if (!InvitationService.MANAGER_INVITES.contains(role)) {
            access.organisation(caller, organisationId, Action.MANAGE);
        }
        return switch (role.scope()) {
            case ORGANISATION -> new InvitationService.Grant(organisationId, role, null, null);
            case BUILDING -> {
                var building = access.building(caller, body.buildingId(), Action.INVITE);
                requireInOrganisation(building.getOrganisationId(), organisationId, "The building");
                yield new InvitationService.Grant(organisationId, role, building.getId(), null);
            }
            case UNIT -> {
                var unit = access.unit(caller, body.unitId(), Action.INVITE);
                requireInOrganisation(unit.getOrganisationId(), organisationId, "The unit");
                yield new InvitationService.Grant(organisationId, role, unit.getBuildingId(), unit.getId());
            }
        };
    }

    private static void requireInOrganisation(String actual, String expected, String what) {
        if (!actual.equals(expected)) throw ApiException.notFound(what);
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
