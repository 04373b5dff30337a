package app.domus.tenancy.organisations;

import app.domus.tenancy.TenancyComponent;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;

/** {@code GET /organisations/{organisationId}}: any member reads it. */
public class GetOrganisationHandler extends HttpHandler {
    private final AccessService access;

    public GetOrganisationHandler() {
        this(TenancyComponent.create().access());
    }

    GetOrganisationHandler(AccessService access) {
        this.access = access;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        OrganisationItem org = access.organisation(caller, request.pathParam("organisationId"), Action.READ);
        return HttpResponse.ok(OrganisationView.of(org)).etag(org.getVersion());
    }
}
