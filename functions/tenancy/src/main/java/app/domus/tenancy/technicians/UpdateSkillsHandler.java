package app.domus.tenancy.technicians;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.tenancy.TenancyComponent;

/**
 * {@code PUT /buildings/{buildingId}/technicians/{userId}/skills}: organisation admins and the building's managers
 * set what a technician of the building can do; honours {@code If-Match}.
 */
public class UpdateSkillsHandler extends HttpHandler {
    private final AccessService access;
    private final TechnicianService technicians;

    public UpdateSkillsHandler() {
        TenancyComponent wiring = TenancyComponent.create();
        this.access = wiring.access();
        this.technicians = wiring.technicians();
    }

    UpdateSkillsHandler(AccessService access, TechnicianService technicians) {
        this.access = access;
        this.technicians = technicians;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        var caller = request.caller();
        var body = request.json(UpdateSkillsRequest.class);
        var ifMatch = request.ifMatchVersion();
        var building = access.building(caller, request.pathParam("buildingId"), Action.MANAGE);
        MembershipItem technician = technicians.updateSkills(building, request.pathParam("userId"), ifMatch, body.skillSet());
        return HttpResponse.ok(TechnicianView.of(technician)).etag(technician.getVersion());
    }
}
