package app.domus.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import app.domus.tenancy.buildings.AddressInput;
import app.domus.tenancy.buildings.BuildingService;
import app.domus.tenancy.buildings.CreateBuildingRequest;
import app.domus.tenancy.invitations.InvitationService;
import app.domus.tenancy.organisations.CreateOrganisationRequest;
import app.domus.tenancy.organisations.OrganisationService;
import app.domus.tenancy.ownerships.OwnershipService;
import app.domus.tenancy.units.CreateUnitRequest;
import app.domus.tenancy.units.UnitService;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;

/**
 * Fresh tables in DynamoDB Local, the tenancy services wired to them with a recording event publisher, and
 * a populated world: organisation A (building A1 with a manager, a technician, an owner of unit A1-1 and a
 * tenant of unit A1-2; building A2 with its own manager) and organisation B, whose admin is an outsider to A.
 */
public final class TenancyFixture {
    public final PlatformConfig config = TestPlatform.config();
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), config);
    public final AccessService access = new AccessService(table, java.time.Clock.systemUTC());
    public final RecordingEvents events = new RecordingEvents();
    public final OrganisationService organisations = new OrganisationService(table, events, Clock.systemUTC());
    public final BuildingService buildings = new BuildingService(table, events, Clock.systemUTC());
    public final UnitService units = new UnitService(table, events, Clock.systemUTC());
    public final OwnershipService ownerships = new OwnershipService(table, events, Clock.systemUTC());
    public final InvitationService invitations = new InvitationService(table, events, Clock.systemUTC());

    public final String admin = user("Ada Admin");
    public final String manager = user("Mona Manager");
    public final String technician = user("Theo Technician");
    public final String owner = user("Olga Owner");
    public final String tenant = user("Tom Tenant");
    public final String managerOfA2 = user("Max Manager");
    public final String outsider = user("Otto Outsider");

    public final String orgA = organisations.create(caller(admin), new CreateOrganisationRequest("Org A")).getId();
    public final String orgB = organisations.create(caller(outsider), new CreateOrganisationRequest("Org B")).getId();
    public final BuildingItem buildingA1 = building(orgA, "A1");
    public final BuildingItem buildingA2 = building(orgA, "A2");
    public final BuildingItem buildingB1 = building(orgB, "B1");
    public final UnitItem unitA11 = units.create(buildingA1, new CreateUnitRequest("1", 0, 55.5));
    public final UnitItem unitA12 = units.create(buildingA1, new CreateUnitRequest("2", 1, null));
    public final UnitItem unitA21 = units.create(buildingA2, new CreateUnitRequest("1", 0, null));
    public final UnitItem unitB11 = units.create(buildingB1, new CreateUnitRequest("1", 0, null));

    public TenancyFixture() {
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        member(technician, orgA, Role.TECHNICIAN, buildingA1.getId(), null);
        member(owner, orgA, Role.OWNER, buildingA1.getId(), unitA11.getId());
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), unitA12.getId());
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        events.published.clear();
    }

    public static Caller caller(String userId) {
        return new Caller(userId, userId + "@example.test", "session");
    }

    public String user(String name) {
        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setDisplayName(name);
        user.setEmail(user.getId().toLowerCase() + "@example.test");
        table.of(UserItem.class).putItem(user);
        return user.getId();
    }

    public void member(String userId, String orgId, Role role, String buildingId, String unitId) {
        table.of(MembershipItem.class).putItem(MembershipItem.of(userId, orgId, role, buildingId, unitId, "2026-01-01T00:00:00Z"));
    }

    private BuildingItem building(String orgId, String name) {
        return buildings.create(orgId, new CreateBuildingRequest(name, new AddressInput("Main Street 1", "Berlin", "10115", "DE")));
    }

    /** Every item in the table: what a refused request must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(config.tableName())).count();
    }

    public static APIGatewayV2HTTPResponse call(HttpHandler handler, HttpEvents request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.tree(response.getBody());
    }

    /** Asserts an RFC 9457 problem of this status and type slug, and returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        return app.domus.shared.testing.Responses.assertProblem(response, status, type);
    }

    /** The field names of a validation problem's errors. */
    public static java.util.List<String> fieldErrors(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }


    /** Asserts the request is refused with this problem and that nothing was written or published. */
    public void assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        int published = events.published.size();
        assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(events.published).hasSize(published);
    }

    /** A JSON string longer than any body an endpoint accepts (64 KiB). */
    public static String oversizeText() {
        return "a".repeat(70 * 1024);
    }
}
