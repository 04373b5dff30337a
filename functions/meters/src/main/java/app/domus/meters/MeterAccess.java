package app.domus.meters;

import app.domus.meters.registry.MeterItem;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Who may do what with a meter, on top of the kernel's {@link AccessService}: a unit's meter is read by whoever may read
 * the unit (its owners and tenants, the building's staff), submitted to by its owners and tenants and the building's
 * managers, and managed by the managers (and the organisation's admins). A common meter is read by the building's
 * members and submitted to and managed by its managers. Outsiders get 404, the wrong role 403.
 */
@Singleton
public class MeterAccess {
    public enum Need { READ, SUBMIT, MANAGE }

    private final DomusTable table;
    private final AccessService access;

    @Inject
    public MeterAccess(DomusTable table, AccessService access) {
        this.table = table;
        this.access = access;
    }

    public MeterItem meter(Caller caller, String meterId, Need need) {
        MeterItem meter = table.get(MeterItem.class, MeterItem.pk(meterId), MeterItem.SK).orElse(null);
        if (meter == null) throw ApiException.notFound("The meter");
        check(caller, meter.getBuildingId(), meter.getUnitId(), need);
        return meter;
    }

    /** May the caller do {@code need} with the meters of this unit (or, for a null unit, the building's common ones)? */
    public void check(Caller caller, String buildingId, String unitId, Need need) {
        if (need == Need.MANAGE || (need == Need.SUBMIT && unitId == null)) {
            access.building(caller, buildingId, Action.MANAGE);
        } else if (unitId == null) {
            access.building(caller, buildingId, Action.READ);
        } else {
            var unit = access.unit(caller, unitId, Action.READ);
            if (need == Need.SUBMIT) {
                boolean may = access.memberships(caller.userId(), unit.getOrganisationId()).stream().anyMatch(m -> submits(m, unitId, buildingId));
                if (!may) throw ApiException.forbidden("Only the unit's owners and tenants and the building's managers submit its readings");
            }
        }
    }

    /** The building, for its managers only (reading periods, summaries, anomalies). */
    public BuildingItem managedBuilding(Caller caller, String buildingId) {
        return access.building(caller, buildingId, Action.MANAGE);
    }

    private static boolean submits(MembershipItem m, String unitId, String buildingId) {
        Role role = m.roleValue();
        return switch (role) {
            case ORG_ADMIN -> true;
            case MANAGER -> buildingId.equals(m.getBuildingId());
            case OWNER, TENANT -> unitId.equals(m.getUnitId());
            case TECHNICIAN -> false;
        };
    }
}
