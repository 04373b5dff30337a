package app.domus.delegations;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code POST /delegations}: an owner of the unit hands some of their rights for it to someone, named by e-mail. */
@AcceptsIdempotencyKey
public class CreateDelegationHandler extends HttpHandler {
    private IdempotencyStore idempotency;

    private final AccessService access;
    private final DelegationService delegations;

    public CreateDelegationHandler() {
        DelegationsComponent wiring = DelegationsComponent.create();
        this.idempotency = wiring.idempotency();
        this.access = wiring.access();
        this.delegations = wiring.delegations();
    }

    CreateDelegationHandler(AccessService access, DelegationService delegations) {
        this.access = access;
        this.delegations = delegations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateDelegationRequest.class);
        UnitItem unit = access.unit(caller, body.unitId(), Action.READ);
        DelegationService.Shown created = delegations.create(caller, unit, body);
        return HttpResponse.created(created.view()).etag(created.version())
                .location("/delegations/" + created.view().delegationId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
