package app.domus.faults;

import app.domus.faults.analysis.FaultAnalyser;
import app.domus.faults.analysis.LocalFaultAnalyser;
import app.domus.faults.analysis.TriageChain;
import app.domus.shared.ai.AiGateway;
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
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.LocalDynamo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directory world with a fresh bucket in S3Proxy, the faults services wired to it, and a populated world:
 * organisation A with building A1 (a manager, a plumber, a second plumber who also heats, an electrician, an owner
 * of unit A1-1 and a tenant of unit A1-2) and building A2 (its own manager and plumber); a delegate who may report
 * faults for unit A1-1 on the owner's behalf; and organisation B, whose admin is an outsider to A. The clock starts
 * at the real time: S3's signature checks compare presigned URLs with it.
 */
public final class FaultsFixture extends DirectoryWorld {
    /** Trained once per test JVM, as once per cold start in Lambda. */
    private static FaultAnalyser localAnalyser;

    public final String bucket = config.photosBucket();
    public final FaultStore store = new FaultStore(table, outbox);
    public final Staff staff = new Staff(table, access);
    public final PhotoStore photos = new PhotoStore(S3Double.client(), S3Double.presigner(), config);
    public final UploadService uploads = new UploadService(table, photos, new RateLimiter(LocalDynamo.client(), config, clock), clock);
    public final PhotoIntake intake = new PhotoIntake(uploads, photos, clock);
    public final ReportingService reporting = new ReportingService(store, intake, clock);
    public final FaultAccess faultAccess = new FaultAccess(table, access, store);
    public final WorkflowService workflow = new WorkflowService(store, staff, clock);
    public final FaultQueries queries = new FaultQueries(table, access, store, photos);
    public final FaultNotices notices = new FaultNotices(store, staff, notifications);
    public final AiGateway gateway = new AiGateway(table, clock);

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
        super(Instant.now(), Map.of("PHOTOS_BUCKET", S3Double.newBucket()));
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
        delegation(owner, delegate, unitA11, Set.of(DelegatedRight.REPORT_FAULTS.name()));
    }

    public static synchronized FaultAnalyser localAnalyser() {
        if (localAnalyser == null) localAnalyser = new LocalFaultAnalyser();
        return localAnalyser;
    }

    public Triage triage() {
        return triage(localAnalyser());
    }

    public Triage triage(FaultAnalyser analyser) {
        return new Triage(store, gateway, TriageChain.of("local", "test", analyser), staff, notifications, clock);
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

    public List<String> objects() {
        return S3Double.keys(bucket);
    }

    /** A refused request stores nothing in S3 either. */
    @Override
    protected Object outsideState() {
        return objects();
    }
}
