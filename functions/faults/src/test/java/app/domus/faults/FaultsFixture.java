package app.domus.faults;

import app.domus.shared.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.analysis.FaultAnalyser;
import app.domus.faults.analysis.LocalFaultAnalyser;
import app.domus.faults.photos.PhotoIntake;
import app.domus.faults.photos.PhotoStore;
import app.domus.faults.queries.FaultQueries;
import app.domus.faults.reporting.ReportFaultRequest;
import app.domus.faults.reporting.ReportingService;
import app.domus.faults.triage.FaultNotices;
import app.domus.faults.triage.Triage;
import app.domus.faults.uploads.UploadService;
import app.domus.faults.workflow.UpdateFaultRequest;
import app.domus.faults.workflow.WorkflowService;
import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fresh tables in DynamoDB Local, a fresh bucket in S3Proxy, the faults services wired to them with recording
 * events and notifications, and a populated world: organisation A with building A1 (a manager, a plumber, a
 * second plumber who also heats, an electrician, an owner of unit A1-1 and a tenant of unit A1-2) and building A2
 * (its own manager and plumber); a delegate who may report faults for unit A1-1 on the owner's behalf; and
 * organisation B, whose admin is an outsider to A.
 */
public final class FaultsFixture {
    /** Trained once per test JVM, as once per cold start in Lambda. */
    private static FaultAnalyser localAnalyser;

    public final String bucket = S3Double.newBucket();
    public final PlatformConfig config = TestPlatform.config(Map.of("PHOTOS_BUCKET", bucket));
    /** Starts at the real time: S3's signature checks compare presigned URLs with it. */
    public final MutableClock clock = new MutableClock(java.time.Instant.now());
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), config);
    public final AccessService access = new AccessService(table, clock);
    public final RecordingEvents events = new RecordingEvents();
    public final RecordingNotifications notifications = new RecordingNotifications(config);
    public final FaultStore store = new FaultStore(table);
    public final FaultEvents faultEvents = new FaultEvents(events);
    public final Staff staff = new Staff(table);
    public final PhotoStore photos = new PhotoStore(S3Double.client(), S3Double.presigner(), config);
    public final UploadService uploads = new UploadService(table, photos, new RateLimiter(LocalDynamo.client(), config, clock), clock);
    public final PhotoIntake intake = new PhotoIntake(uploads, photos, clock);
    public final ReportingService reporting = new ReportingService(store, intake, faultEvents, clock);
    public final FaultAccess faultAccess = new FaultAccess(table, access, store);
    public final WorkflowService workflow = new WorkflowService(store, staff, faultEvents, clock);
    public final FaultQueries queries = new FaultQueries(table, access, store, photos);
    public final FaultNotices notices = new FaultNotices(store, staff, notifications);
    public final IdempotencyStore idempotency = new IdempotencyStore(LocalDynamo.client(), config, clock);

    public final String admin = user("Ada Admin");
    public final String manager = user("Mona Manager");
    public final String plumber = user("Piet Plumber");
    public final String plumberAndHeater = user("Hanna Heater");
    public final String electrician = user("Eli Electrician");
    public final String owner = user("Olga Owner");
    public final String tenant = user("Tom Tenant");
    public final String delegate = user("Dora Delegate");
    public final String managerOfA2 = user("Max Manager");
    public final String plumberOfA2 = user("Paul Plumber");
    public final String outsider = user("Otto Outsider");

    public final String orgA = organisation("Org A");
    public final String orgB = organisation("Org B");
    public final BuildingItem buildingA1 = building(orgA, "Linden House");
    public final BuildingItem buildingA2 = building(orgA, "Oak House");
    public final BuildingItem buildingB1 = building(orgB, "Birch House");
    public final UnitItem unitA11 = unit(buildingA1, "1");
    public final UnitItem unitA12 = unit(buildingA1, "2");
    public final UnitItem unitA21 = unit(buildingA2, "1");

    public FaultsFixture() {
        member(admin, orgA, Role.ORG_ADMIN, null, null);
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
        member(manager, orgA, Role.MANAGER, buildingA1.getId(), null);
        technician(plumber, buildingA1, "plumbing");
        technician(plumberAndHeater, buildingA1, "plumbing", "heating");
        technician(electrician, buildingA1, "electrical");
        member(owner, orgA, Role.OWNER, buildingA1.getId(), unitA11.getId());
        member(tenant, orgA, Role.TENANT, buildingA1.getId(), unitA12.getId());
        member(managerOfA2, orgA, Role.MANAGER, buildingA2.getId(), null);
        technician(plumberOfA2, buildingA2, "plumbing");
        delegation(owner, delegate, unitA11, DelegatedRight.REPORT_FAULTS);
    }

    public static synchronized FaultAnalyser localAnalyser() {
        if (localAnalyser == null) localAnalyser = new LocalFaultAnalyser();
        return localAnalyser;
    }

    public Triage triage() {
        return triage(localAnalyser());
    }

    public Triage triage(FaultAnalyser analyser) {
        return new Triage(store, analyser, staff, faultEvents, notifications, clock);
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

    public void technician(String userId, BuildingItem building, String... skills) {
        MembershipItem m = MembershipItem.of(userId, building.getOrganisationId(), Role.TECHNICIAN, building.getId(), null,
                "2026-01-01T00:00:00Z");
        m.setSkills(List.of(skills));
        table.of(MembershipItem.class).putItem(m);
    }

    private String organisation(String name) {
        OrganisationItem org = OrganisationItem.of(Ids.newId(), name, "test", clock.instant().toString());
        table.of(OrganisationItem.class).putItem(org);
        return org.getId();
    }

    public BuildingItem building(String orgId, String name) {
        BuildingItem building = BuildingItem.of(Ids.newId(), orgId, name, clock.instant().toString());
        table.of(BuildingItem.class).putItem(building);
        return building;
    }

    private UnitItem unit(BuildingItem building, String number) {
        UnitItem unit = UnitItem.of(Ids.newId(), building, number, clock.instant().toString());
        table.of(UnitItem.class).putItem(unit);
        return unit;
    }

    private void delegation(String ownerId, String delegateId, UnitItem unit, DelegatedRight right) {
        DelegationItem d = new DelegationItem();
        d.setId(Ids.newId());
        d.setPk(DelegationItem.pk(d.getId()));
        d.setSk(DelegationItem.SK);
        d.setGsi1pk(DelegationItem.receivedBy(delegateId));
        d.setGsi1sk(DelegationItem.forUnit(unit.getId()) + d.getId());
        d.setGsi2pk(DelegationItem.givenBy(ownerId));
        d.setGsi2sk(d.getId());
        d.setOrganisationId(unit.getOrganisationId());
        d.setBuildingId(unit.getBuildingId());
        d.setUnitId(unit.getId());
        d.setOwnerId(ownerId);
        d.setDelegateId(delegateId);
        d.setRights(Set.of(right.name()));
        d.setStatus(DelegationItem.ACCEPTED);
        table.of(DelegationItem.class).putItem(d);
    }

    /** Reports a fault through the service, as {@code reporter}, in building A1. */
    public FaultItem report(String reporter, String title, String category) {
        var request = new ReportFaultRequest(title, title + ", please have a look", category,
                buildingA1.getId(), null, null);
        var scope = faultAccess.mayReport(caller(reporter), buildingA1.getId(), null);
        return reporting.report(reporter, scope, request);
    }

    /** Changes a fault through the workflow as {@code userId}, with that person's roles. */
    public FaultItem change(String userId, String faultId, String assigneeId, String status, String resolution) {
        var viewing = faultAccess.forChange(caller(userId), faultId);
        return workflow.change(userId, viewing.fault(), viewing.roles(), Optional.empty(),
                new UpdateFaultRequest(assigneeId, status, resolution, null));
    }

    public FaultItem stored(String faultId) {
        return store.find(faultId).orElseThrow();
    }

    /** Every item in the table: what a refused request must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(config.tableName())).count();
    }

    public List<String> objects() {
        return S3Double.keys(bucket);
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

    public static List<String> fieldErrors(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** Asserts the request is refused with this problem and that nothing was written, stored in S3 or published. */
    public JsonNode assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        List<String> objectsBefore = objects();
        int published = events.published.size();
        JsonNode problem = assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(objects()).as("objects in the bucket").isEqualTo(objectsBefore);
        assertThat(events.published).hasSize(published);
        return problem;
    }
}
