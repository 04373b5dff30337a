package app.domus.tenancy.organisations;

import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.DaggerTenancyComponent;
import java.util.Map;

/** {@code POST /organisations}: any signed-in user founds an organisation and becomes its admin. */
public class CreateOrganisationHandler extends HttpHandler {
    private final OrganisationService organisations;

    public CreateOrganisationHandler() {
        this(DaggerTenancyComponent.create().organisations());
    }

    CreateOrganisationHandler(OrganisationService organisations) {
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
}
