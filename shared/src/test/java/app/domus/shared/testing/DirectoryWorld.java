package app.domus.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.OwnershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The directory every context's tests start from: fresh tables in DynamoDB Local, a clock the test moves, the
 * kernel's access service, outbox and idempotency store over them, the outbox read back as {@link RecordedEvents},
 * a notification sender that records, and builders for the people and places of the directory (users,
 * organisations, buildings, units, memberships, technicians, owner shares, delegations). A context's fixture
 * extends it, wires its own services to these fields and keeps only what is its own.
 */
public class DirectoryWorld {
    /** When a world starts unless told otherwise. */
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final PlatformConfig config;
    public final MutableClock clock;
    public final DomusTable table;
    public final AccessService access;
    public final Outbox outbox;
    public final RecordedEvents events;
    public final RecordingNotifications notifications;
    public final IdempotencyStore idempotency;

    public DirectoryWorld() {
        this(START);
    }

    public DirectoryWorld(Instant start) {
        this(start, Map.of());
    }

    /** {@code variables}: platform variables beside the fresh tables (e.g. a bucket), as a function would read them. */
    public DirectoryWorld(Instant start, Map<String, String> variables) {
        config = TestPlatform.config(variables);
        clock = new MutableClock(start);
        table = new DomusTable(LocalDynamo.enhanced(), config);
        access = new AccessService(table, clock);
        outbox = new Outbox(table, clock);
        events = new RecordedEvents(table);
        notifications = new RecordingNotifications(config);
        idempotency = new IdempotencyStore(LocalDynamo.client(), config, clock);
    }

    // ---------------------------------------------------------------- people

    /** The address the test's tokens claim for a user ({@link HttpEvents#as}), as their account holds it. */
    public static String emailOf(String userId) {
        return (userId + "@example.test").toLowerCase(Locale.ROOT);
    }

    /** The caller a signed-in user's request carries, with the claims {@link HttpEvents#as} passes. */
    public static Caller caller(String userId) {
        return new Caller(userId, userId + "@example.test", "session-" + userId, true);
    }

    /** A user with an account at {@link #emailOf} their id; returns the id. */
    public String user(String name) {
        return account(Ids.newId(), name, null, null).getId();
    }

    /**
     * An account as registration leaves it: the user and the claim of their address (the default address when
     * {@code email} is null). {@code phone} may be null.
     */
    public UserItem account(String userId, String name, String email, String phone) {
        String address = email != null ? email : emailOf(userId);
        UserItem user = new UserItem();
        user.setId(userId);
        user.setPk(UserItem.pk(userId));
        user.setSk(UserItem.SK);
        user.setDisplayName(name);
        user.setEmail(address);
        user.setPhone(phone);
        table.of(UserItem.class).putItem(user);
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(address));
        claim.setSk(EmailItem.SK);
        claim.setUserId(userId);
        table.of(EmailItem.class).putItem(claim);
        return user;
    }

    public MembershipItem member(String userId, String orgId, Role role, String buildingId, String unitId) {
        MembershipItem membership = MembershipItem.of(userId, orgId, role, buildingId, unitId, now());
        table.of(MembershipItem.class).putItem(membership);
        return membership;
    }

    /** A technician of the building with these trades. */
    public MembershipItem technician(String userId, BuildingItem building, String... skills) {
        MembershipItem membership = MembershipItem.of(userId, building.getOrganisationId(), Role.TECHNICIAN, building.getId(),
                null, now());
        membership.setSkills(List.of(skills));
        table.of(MembershipItem.class).putItem(membership);
        return membership;
    }

    // ---------------------------------------------------------------- places

    public String organisation(String name) {
        OrganisationItem org = OrganisationItem.of(Ids.newId(), name, "test", now());
        table.of(OrganisationItem.class).putItem(org);
        return org.getId();
    }

    public BuildingItem building(String orgId, String name) {
        BuildingItem building = BuildingItem.of(Ids.newId(), orgId, name, now());
        table.of(BuildingItem.class).putItem(building);
        return building;
    }

    public UnitItem unit(BuildingItem building, String number) {
        UnitItem unit = UnitItem.of(Ids.newId(), building, number, now());
        table.of(UnitItem.class).putItem(unit);
        return unit;
    }

    // ---------------------------------------------------------------- rights

    /** Records the owner's share of the unit (its building's shares add up as the test gives them) and makes them an owner member of it. */
    public OwnershipItem own(String ownerId, UnitItem unit, long numerator, long denominator) {
        OwnershipItem ownership = new OwnershipItem();
        ownership.setPk(UnitItem.pk(unit.getId()));
        ownership.setSk(OwnershipItem.sk(ownerId));
        ownership.setGsi1pk(OwnershipItem.byOwner(ownerId));
        ownership.setGsi1sk(unit.getId());
        ownership.setGsi2pk(OwnershipItem.byBuilding(unit.getBuildingId()));
        ownership.setGsi2sk(unit.getId() + "#" + ownerId);
        ownership.setOrganisationId(unit.getOrganisationId());
        ownership.setBuildingId(unit.getBuildingId());
        ownership.setUnitId(unit.getId());
        ownership.setOwnerId(ownerId);
        ownership.setShareNumerator(numerator);
        ownership.setShareDenominator(denominator);
        ownership.setCreatedAt(now());
        table.of(OwnershipItem.class).putItem(ownership);
        member(ownerId, unit.getOrganisationId(), Role.OWNER, unit.getBuildingId(), unit.getId());
        return ownership;
    }

    /** An accepted delegation of these rights (names of {@code DelegatedRight}) for the unit, without an end. */
    public DelegationItem delegation(String ownerId, String delegateId, UnitItem unit, Set<String> rights) {
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
        d.setRights(rights);
        d.setStatus(DelegationItem.ACCEPTED);
        d.setCreatedAt(now());
        table.of(DelegationItem.class).putItem(d);
        return d;
    }

    private String now() {
        return clock.instant().toString();
    }

    // ---------------------------------------------------------------- calling handlers

    public static APIGatewayV2HTTPResponse call(HttpHandler handler, HttpEvents request) {
        return handler.handleRequest(request.build(), new TestContext());
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Responses.json(response);
    }

    /** Asserts an RFC 9457 problem of this status and type slug (e.g. {@code invalid-state}), and returns its body. */
    public static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        return Responses.assertProblem(response, status, type);
    }

    /** The field names of a validation problem's errors, in order. */
    public static List<String> fieldErrors(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    /** A JSON string longer than any body an endpoint accepts (64 KiB). */
    public static String oversizeText() {
        return "a".repeat(70 * 1024);
    }

    // ---------------------------------------------------------------- refusals

    /** Every item in the table (outbox items included): what a refused request must leave unchanged. */
    public int itemCount() {
        return LocalDynamo.client().scan(b -> b.tableName(config.tableName())).count();
    }

    /**
     * What else a refused request must leave as it was, beyond the table and the outbox (objects in a bucket,
     * calls to a fake): a context's fixture overrides it; compared with {@code equals} before and after.
     */
    protected Object outsideState() {
        return List.of();
    }

    /**
     * Asserts the request is refused with this problem and that nothing was written: the same items in the table,
     * no event in the outbox, and {@link #outsideState()} as it was. Returns the problem.
     */
    public JsonNode assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        List<String> eventsBefore = events.all().stream().map(DomainEvent::id).toList();
        Object outsideBefore = outsideState();
        JsonNode problem = assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(events.all()).as("events in the outbox").extracting(DomainEvent::id).isEqualTo(eventsBefore);
        assertThat(outsideState()).as("state outside the table").isEqualTo(outsideBefore);
        return problem;
    }
}
