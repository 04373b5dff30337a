package app.domus.shared.access;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.OrganisationItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
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
 *   <li>the building's ownership shares: admins, its managers and its owners.</li>
 * </ul>
 */
@Singleton
public class AccessService {
    private final DomusTable table;

    @Inject
    public AccessService(DomusTable table) {
        this.table = table;
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
