package app.domus.faults;

import app.domus.shared.access.AccessService;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Who may report, read and change faults, on top of {@link AccessService}: outsiders to the organisation get
 * 404, members whose role does not reach the fault get 403.
 */
@Singleton
public class FaultAccess {
    private final DomusTable table;
    private final AccessService access;
    private final FaultStore faults;

    @Inject
    public FaultAccess(DomusTable table, AccessService access, FaultStore faults) {
        this.table = table;
        this.access = access;
        this.faults = faults;
    }

    /** Where a fault is being reported: the building and, when one was named, the unit. */
    public record ReportScope(BuildingItem building, UnitItem unit) {}

    /** A fault and what the caller is to it. */
    public record Viewing(FaultItem fault, FaultRoles roles) {}

    /**
     * May the caller report a fault here? The building's staff may, anywhere in it; its owners and tenants in
     * the common parts or their own unit; and, for a unit, whoever holds an owner's right to report faults
     * there (the owner's delegates, who need not belong to the organisation).
     */
    public ReportScope mayReport(Caller caller, String buildingId, String unitId) {
        BuildingItem building = table.get(BuildingItem.class, BuildingItem.pk(buildingId), "PROFILE").orElse(null);
        List<MembershipItem> mine = building == null ? List.of() : access.memberships(caller.userId(), building.getOrganisationId());
        if (building == null || (mine.isEmpty() && unitId == null)) throw ApiException.notFound("The building");
        boolean resident = mine.stream().anyMatch(m -> (m.roleValue() == Role.OWNER || m.roleValue() == Role.TENANT)
                && buildingId.equals(m.getBuildingId()) && (unitId == null || unitId.equals(m.getUnitId())));
        if (FaultRoles.isStaffOf(mine, buildingId) || resident) {
            return new ReportScope(building, unitId == null ? null : unitOf(building, unitId));
        }
        if (unitId != null) {
            UnitItem unit = access.ownerRight(caller, unitId, DelegatedRight.REPORT_FAULTS).unit();
            if (!unit.getBuildingId().equals(buildingId)) throw ApiException.notFound("The unit");
            return new ReportScope(building, unit);
        }
        throw ApiException.forbidden("Only the building's residents and managers, and delegates with the right to report"
                + " faults for a unit, may report faults here");
    }

    /** The fault, if the caller may see it. */
    public Viewing read(Caller caller, String faultId) {
        Viewing viewing = rolesOn(caller, faultId);
        if (!viewing.roles().maySee()) throw refusal(viewing.roles(), "You may not see this fault");
        return viewing;
    }

    /** The fault, if the caller may change anything about it (what exactly is checked per change). */
    public Viewing forChange(Caller caller, String faultId) {
        Viewing viewing = rolesOn(caller, faultId);
        if (!viewing.roles().mayChange()) {
            throw refusal(viewing.roles(), "Only the fault's assignee, its reporter and the building's managers may change it");
        }
        return viewing;
    }

    private Viewing rolesOn(Caller caller, String faultId) {
        FaultItem fault = faults.require(faultId);
        return new Viewing(fault, FaultRoles.of(caller, fault, access.memberships(caller.userId(), fault.getOrganisationId())));
    }

    /** Members of the fault's organisation hear 403; anyone else, who may not know it exists, 404. */
    private static ApiException refusal(FaultRoles roles, String detail) {
        return roles.member() ? ApiException.forbidden(detail) : ApiException.notFound("The fault");
    }

    private UnitItem unitOf(BuildingItem building, String unitId) {
        return table.get(UnitItem.class, UnitItem.pk(unitId), "PROFILE")
                .filter(u -> u.getBuildingId().equals(building.getId()))
                .orElseThrow(() -> ApiException.notFound("The unit"));
    }
}
