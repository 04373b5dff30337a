package app.domus.delegations;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory world (starting at {@link #START}) with the delegation services and handlers wired to it, and a
 * populated world: organisation A with building A1 ("Lindenstraße 5"), whose unit 3B has three co-owners (Olga,
 * Oscar, Owen) and a tenant, and whose unit 4A has its own owner (Paula); A1's manager and A's admin; Fred, who has
 * an account but no role anywhere; and the admin of organisation B, an outsider to A. Every person's account holds
 * the address the test's tokens claim ({@link #emailOf}).
 */
public final class DelegationsFixture extends DirectoryWorld {
    public static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    public final DelegationQueries queries = new DelegationQueries(table);
    public final DelegationService delegations =
            new DelegationService(table, access, queries, new DelegationLoops(queries), outbox, clock);
    public final DelegationNotices notices = new DelegationNotices(table, notifications);

    public final CreateDelegationHandler create = new CreateDelegationHandler(access, delegations);
    public final ListDelegationsHandler list = new ListDelegationsHandler(delegations);
    public final GetDelegationHandler get = new GetDelegationHandler(delegations);
    public final AcceptDelegationHandler accept = new AcceptDelegationHandler(delegations);
    public final DeclineDelegationHandler decline = new DeclineDelegationHandler(delegations);
    public final RevokeDelegationHandler revoke = new RevokeDelegationHandler(delegations);

    public final String orgA = organisation("Org A");
    public final String orgB = organisation("Org B");
    private final BuildingItem a1 = building(orgA, "Lindenstraße 5");
    private final BuildingItem b1 = building(orgB, "Hafenweg 2");
    public final String buildingA1 = a1.getId();
    public final String buildingB1 = b1.getId();
    public final String unit3B = unit(a1, "3B").getId();
    public final String unit4A = unit(a1, "4A").getId();
    public final String unitB = unit(b1, "1").getId();

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
        super(START);
        member(olga, orgA, Role.OWNER, buildingA1, unit3B);
        member(oscar, orgA, Role.OWNER, buildingA1, unit3B);
        member(owen, orgA, Role.OWNER, buildingA1, unit3B);
        member(paula, orgA, Role.OWNER, buildingA1, unit4A);
        member(tenant, orgA, Role.TENANT, buildingA1, unit3B);
        member(manager, orgA, Role.MANAGER, buildingA1, null);
        member(admin, orgA, Role.ORG_ADMIN, null, null);
        member(outsider, orgB, Role.ORG_ADMIN, null, null);
    }

    /** Creates an account (user and e-mail claim, as registration does) for {@code email}, or the default address. */
    public String register(String userId, String name, String email) {
        return account(userId, name, email, null).getId();
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
        return events.types();
    }

    // ---------------------------------------------------------------- HTTP

    public static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/delegations").body(body);
    }

    public static HttpEvents onDelegation(String method, String delegationId, String suffix) {
        return HttpEvents.request(method, "/delegations/" + delegationId + suffix).pathParam("delegationId", delegationId);
    }
}
