package app.domus.shared.access;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The one place that decides whether a caller may act on an organisation, building or unit. Every handler
 * that touches one of them asks here first.
 *
 * <p>A caller with no membership in the object's organisation gets 404: to outsiders, another tenant's
 * objects do not exist. A member whose roles do not cover the action gets 403.
 *
 * <ul>
 *   <li>organisation admin: everything in the organisation;</li>
 *   <li>manager: reads the organisation; reads, manages and invites for their building and its units;</li>
 *   <li>technician: reads their building and its units;</li>
 *   <li>owner and tenant: read the organisation, their unit's building and their unit;</li>
 *   <li>the building's ownership shares: admins, its managers and its owners;</li>
 *   <li>an owner's rights for a unit (vote, pay, ...): its owners, and delegates those owners chose.</li>
 * </ul>
 */
@Singleton
public class AccessService {
    private final DomusTable table;
    private final Clock clock;

    @Inject
    public AccessService(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** A building's members in one role (its managers, technicians, owners or tenants), from the building's member index. */
    public List<MembershipItem> membersOf(String buildingId, Role role) {
        software.amazon.awssdk.enhanced.dynamodb.Key key = software.amazon.awssdk.enhanced.dynamodb.Key.builder()
                .partitionValue(MembershipItem.byBuilding(buildingId)).sortValue(role.name() + "#").build();
        return table.of(MembershipItem.class).index(TableItem.GSI2)
                .query(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith(key))
                .stream().flatMap(page -> page.items().stream()).toList();
    }

    public List<MembershipItem> memberships(String userId) {
        return table.all(MembershipItem.class, MembershipItem.pk(userId), "MEMBER#");
    }

    public List<MembershipItem> memberships(String userId, String organisationId) {
        return table.all(MembershipItem.class, MembershipItem.pk(userId), MembershipItem.skPrefix(organisationId));
    }

    public OrganisationItem organisation(Caller caller, String organisationId, Action action) {
        List<MembershipItem> mine = memberships(caller.userId(), organisationId);
        OrganisationItem org = mine.isEmpty() ? null
                : table.get(OrganisationItem.class, OrganisationItem.pk(organisationId), "PROFILE").orElse(null);
        if (org == null) throw ApiException.notFound("The organisation");
        boolean allowed = switch (action) {
            case READ -> true;
            case MANAGE -> has(mine, Role.ORG_ADMIN);
            case INVITE -> has(mine, Role.ORG_ADMIN) || has(mine, Role.MANAGER);
            case VIEW_SHARES -> has(mine, Role.ORG_ADMIN);
        };
        if (!allowed) throw ApiException.forbidden("Your role in this organisation does not allow this");
        return org;
    }

    public BuildingItem building(Caller caller, String buildingId, Action action) {
        BuildingItem building = table.get(BuildingItem.class, BuildingItem.pk(buildingId), "PROFILE").orElse(null);
        List<MembershipItem> mine = building == null ? List.of() : memberships(caller.userId(), building.getOrganisationId());
        if (building == null || mine.isEmpty()) throw ApiException.notFound("The building");
        boolean allowed = mine.stream().anyMatch(m -> allowsOnBuilding(m, building, action));
        if (!allowed) throw ApiException.forbidden("Your role does not allow this on this building");
        return building;
    }

    public UnitItem unit(Caller caller, String unitId, Action action) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE").orElse(null);
        List<MembershipItem> mine = unit == null ? List.of() : memberships(caller.userId(), unit.getOrganisationId());
        if (unit == null || mine.isEmpty()) throw ApiException.notFound("The unit");
        boolean allowed = mine.stream().anyMatch(m -> allowsOnUnit(m, unit, action));
        if (!allowed) throw ApiException.forbidden("Your role does not allow this on this unit");
        return unit;
    }

    /**
     * May the caller exercise an owner's right for this unit? Yes for an owner of the unit, and for a delegate
     * holding an accepted, unexpired delegation with that right from someone who still owns the unit. Returns
     * the unit and on whose behalf the caller acts.
     */
    public OwnerAct ownerRight(Caller caller, String unitId, DelegatedRight right) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE").orElse(null);
        if (unit == null) throw ApiException.notFound("The unit");
        List<MembershipItem> mine = memberships(caller.userId(), unit.getOrganisationId());
        boolean owner = mine.stream().anyMatch(m -> m.roleValue() == Role.OWNER && unitId.equals(m.getUnitId()));
        if (owner) return new OwnerAct(unit, caller.userId(), null);
        Instant now = clock.instant();
        for (DelegationItem d : table.indexPage(DelegationItem.class, TableItem.GSI1, DelegationItem.receivedBy(caller.userId()),
                DelegationItem.forUnit(unitId), 100, null).items()) {
            if (d.grants(right, now) && stillOwns(d.getOwnerId(), unit)) return new OwnerAct(unit, d.getOwnerId(), d.getId());
        }
        if (mine.isEmpty()) throw ApiException.notFound("The unit");
        throw ApiException.forbidden("You hold no right to " + right.wire().replace('_', ' ') + " for this unit");
    }

    /** The unit, the owner whose right is exercised, and the delegation used (null when the owner acts). */
    public record OwnerAct(UnitItem unit, String ownerId, String delegationId) {}

    private boolean stillOwns(String ownerId, UnitItem unit) {
        return memberships(ownerId, unit.getOrganisationId()).stream()
                .anyMatch(m -> m.roleValue() == Role.OWNER && unit.getId().equals(m.getUnitId()));
    }

    private static boolean allowsOnBuilding(MembershipItem m, BuildingItem building, Action action) {
        Role role = m.roleValue();
        if (role == Role.ORG_ADMIN) return true;
        boolean sameBuilding = building.getId().equals(m.getBuildingId());
        return switch (role) {
            case MANAGER -> sameBuilding;
            case OWNER -> sameBuilding && (action == Action.READ || action == Action.VIEW_SHARES);
            case TECHNICIAN, TENANT -> sameBuilding && action == Action.READ;
            default -> false;
        };
    }

    private static boolean allowsOnUnit(MembershipItem m, UnitItem unit, Action action) {
        Role role = m.roleValue();
        if (role == Role.ORG_ADMIN) return true;
        return switch (role) {
            case MANAGER -> unit.getBuildingId().equals(m.getBuildingId());
            case TECHNICIAN -> unit.getBuildingId().equals(m.getBuildingId()) && action == Action.READ;
            case OWNER, TENANT -> unit.getId().equals(m.getUnitId()) && action == Action.READ;
            default -> false;
        };
    }

    private static boolean has(List<MembershipItem> memberships, Role role) {
        return memberships.stream().anyMatch(m -> m.roleValue() == role);
    }
}
