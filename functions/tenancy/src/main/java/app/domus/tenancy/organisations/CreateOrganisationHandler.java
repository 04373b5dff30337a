package app.domus.tenancy.organisations;

import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.http.AcceptsIdempotencyKey;
import app.domus.shared.http.HttpHandler;
import app.domus.tenancy.TenancyComponent;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import java.util.Map;

/** {@code POST /organisations}: any signed-in user founds an organisation and becomes its admin. */
@AcceptsIdempotencyKey
public class CreateOrganisationHandler extends HttpHandler {
    private final IdempotencyStore idempotency;

    private final OrganisationService organisations;

    public CreateOrganisationHandler() {
        this(TenancyComponent.create());
    }

    private CreateOrganisationHandler(TenancyComponent wiring) {
        this(wiring.idempotency(), wiring.organisations());
    }

    CreateOrganisationHandler(IdempotencyStore idempotency, OrganisationService organisations) {
        this.idempotency = idempotency;
        this.organisations = organisations;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(CreateOrganisationRequest.class);
        OrganisationItem org = organisations.create(caller, body);
        return HttpResponse.created(Map.of("organisationId", org.getId(), "name", org.getName()))
                .location("/organisations/" + org.getId());
    }

    @Override
    protected IdempotencyStore idempotency() {
        return idempotency;
    }
}
