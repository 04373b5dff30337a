package app.domus.delegations;

import app.domus.shared.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventPublisher;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fresh tables in DynamoDB Local, the delegation services and handlers wired to them with a clock the test
 * moves and an event publisher and notification sender that record instead of calling AWS, and a populated
 * world: organisation A with building A1 ("Lindenstraße 5"), whose unit 3B has three co-owners (Olga, Oscar,
 * Owen) and a tenant, and whose unit 4A has its own owner (Paula); A1's manager and A's admin; Fred, who has an
 * account but no role anywhere; and the admin of organisation B, an outsider to A. Every person's account holds
 * the address the test's tokens claim ({@code <userId>@example.test}, lower-cased).
 */
public final class DelegationsFixture {
    public static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final PlatformConfig config = TestPlatform.config();
    public final DomusTable table = new DomusTable(LocalDynamo.enhanced(), config);
    public final AccessService access = new AccessService(table, clock);
    public final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    public final List<NotificationRequest> notifications = new CopyOnWriteArrayList<>();
    public final EventPublisher publisher = new EventPublisher(null, config, clock) {
        @Override
        public DomainEvent publish(String type, String organisationId, Object payload) {
            DomainEvent event = DomainEvent.of(type, organisationId, Json.MAPPER.valueToTree(payload), clock.instant());
            events.add(event);
            return event;
        }
    };
    public final NotificationSender sender = new NotificationSender(null, config) {
        @Override
        public void send(NotificationRequest request) {
            notifications.add(request);
        }
    };
    public final DelegationQueries queries = new DelegationQueries(table);
    public final DelegationService delegations =
            new DelegationService(table, access, queries, new DelegationLoops(queries), publisher, clock);
    public final DelegationNotices notices = new DelegationNotices(table, sender);

    public final CreateDelegationHandler create = new CreateDelegationHandler(access, delegations);
    public final ListDelegationsHandler list = new ListDelegationsHandler(delegations);
    public final GetDelegationHandler get = new GetDelegationHandler(delegations);
    public final AcceptDelegationHandler accept = new AcceptDelegationHandler(delegations);
    public final DeclineDelegationHandler decline = new DeclineDelegationHandler(delegations);
    public final RevokeDelegationHandler revoke = new RevokeDelegationHandler(delegations);

    public final String orgA = organisation("Org A");
    public final String orgB = organisation("Org B");
    public final String buildingA1 = building(orgA, "Lindenstraße 5");
    public final String buildingB1 = building(orgB, "Hafenweg 2");
    public final String unit3B = unit(orgA, buildingA1, "3B");
    public final String unit4A = unit(orgA, buildingA1, "4A");
    public final String unitB = unit(orgB, buildingB1, "1");

    public final String olga = user("Olga Owner");
    public final String oscar = user("Oscar Owner");
    public final String owen = user("Owen Owner");
    public final String paula = user("Paula Owner");
    public final String tenant = user("Tom Tenant");
    public final String manager = user("Mona Manager");
    public final String admin = user("Ada Admin");
    public final String fred = user("Fred Friend");
    public final String outsider = user("Otto Outsider");

    public DelegationsFixture() {
        member(olga, orgA, Role.OWNER, buildingA1, unit3B);
        member(oscar, orgA, Role.OWNER, buildingA1, unit3B);
        member(owen, orgA, Role.OWNER, buildingA1, unit3B);
        member(paula, orgA, Role.OWNER, buildingA1, unit4A);
        member(tenant, orgA, Role.TENANT, buildingA1, unit3B);
        member(manager, orgA, Role.MANAGER, buildingA1, null);
        member(admin, orgA, Role.ORG_ADMIN, null, null);
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
    }

    // ---------------------------------------------------------------- people and places

    /** The address the test's tokens claim for a user ({@link HttpEvents#as}), as their account holds it. */
    public static String emailOf(String userId) {
        return (userId + "@example.test").toLowerCase(Locale.ROOT);
    }

    public static Caller caller(String userId) {
        return new Caller(userId, userId + "@example.test", "session-" + userId);
    }

    public String user(String name) {
        return register(Ids.newId(), name, null);
    }

    /** Creates an account (user and e-mail claim, as registration does) for {@code email}, or the default address. */
    public String register(String userId, String name, String email) {
        String address = email != null ? email : emailOf(userId);
        UserItem user = new UserItem();
        user.setId(userId);
        user.setPk(UserItem.pk(userId));
        user.setSk(UserItem.SK);
        user.setDisplayName(name);
        user.setEmail(address);
        table.of(UserItem.class).putItem(user);
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(address));
        claim.setSk(EmailItem.SK);
        claim.setUserId(userId);
        table.of(EmailItem.class).putItem(claim);
        return userId;
    }

    public void member(String userId, String orgId, Role role, String buildingId, String unitId) {
        table.of(MembershipItem.class).putItem(MembershipItem.of(userId, orgId, role, buildingId, unitId, START.toString()));
    }

    private String organisation(String name) {
        OrganisationItem org = OrganisationItem.of(Ids.newId(), name, "test", START.toString());
        table.of(OrganisationItem.class).putItem(org);
        return org.getId();
    }

    private String building(String orgId, String name) {
        BuildingItem building = BuildingItem.of(Ids.newId(), orgId, name, START.toString());
        table.of(BuildingItem.class).putItem(building);
        return building.getId();
    }

    private String unit(String orgId, String buildingId, String number) {
        UnitItem unit = UnitItem.of(Ids.newId(), BuildingItem.of(buildingId, orgId, "", START.toString()), number, START.toString());
        table.of(UnitItem.class).putItem(unit);
        return unit.getId();
    }

    // ---------------------------------------------------------------- delegations

    public Instant inDays(int days) {
        return clock.instant().plus(Duration.ofDays(days));
    }

    /** A request body for {@code POST /delegations}. */
    public static String body(String delegateEmail, String unitId, Instant expiresAt, String... rights) {
        return Json.write(Map.of("delegateEmail", delegateEmail, "unitId", unitId, "expiresAt", expiresAt.toString(),
                "rights", Arrays.asList(rights)));
    }

    /** {@code owner} delegates these rights for the unit to {@code delegateEmail} for 30 days; returns the id. */
    public String delegate(String owner, String delegateEmail, String unitId, String... rights) {
        return delegateUntil(owner, delegateEmail, unitId, inDays(30), rights);
    }

    public String delegateUntil(String owner, String delegateEmail, String unitId, Instant expiresAt, String... rights) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE").orElseThrow();
        return delegations.create(caller(owner), unit,
                new CreateDelegationRequest(delegateEmail, List.of(rights), unitId, expiresAt.toString())).view().delegationId();
    }

    public String delegateAccepted(String owner, String delegate, String unitId, String... rights) {
        String id = delegate(owner, emailOf(delegate), unitId, rights);
        delegations.accept(caller(delegate), id, Optional.empty());
        return id;
    }

    public DelegationItem stored(String delegationId) {
        return table.get(DelegationItem.class, DelegationItem.pk(delegationId), DelegationItem.SK).orElseThrow();
    }

    public List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.type()));
        return types;
    }

    // ---------------------------------------------------------------- HTTP

    public static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/delegations").body(body);
    }

    public static HttpEvents onDelegation(String method, String delegationId, String suffix) {
        return HttpEvents.request(method, "/delegations/" + delegationId + suffix).pathParam("delegationId", delegationId);
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

    /** Asserts the request is refused with this problem and that nothing was written or published. */
    public JsonNode assertRefusedUnchanged(HttpHandler handler, HttpEvents request, int status, String type) {
        int before = itemCount();
        int published = events.size();
        JsonNode problem = assertProblem(call(handler, request), status, type);
        assertThat(itemCount()).as("items in the table").isEqualTo(before);
        assertThat(events).as("events published").hasSize(published);
        return problem;
    }
}
