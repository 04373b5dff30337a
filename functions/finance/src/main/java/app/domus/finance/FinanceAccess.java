package app.domus.finance;

import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Who may see and issue a unit's invoices, on top of the kernel's {@link AccessService}: the building's managers and the
 * organisation's admins issue and cancel them and see every invoice of the building; a unit's owners, and delegates
 * holding {@code view_finances} for it, see the unit's; its owners and delegates holding {@code pay} pay them. Tenants and technicians see none. Outsiders get 404, the wrong
 * role 403.
 */
@Singleton
public class FinanceAccess {
    private final AccessService access;

    @Inject
    public FinanceAccess(AccessService access) {
        this.access = access;
    }

    /** The unit, for its building's managers (and the organisation's admins): who invoices it. */
    public UnitItem managedUnit(Caller caller, String unitId) {
        return access.unit(caller, unitId, Action.MANAGE);
    }

    /** The building, for its managers: who lists all its invoices. */
    public BuildingItem managedBuilding(Caller caller, String buildingId) {
        return access.building(caller, buildingId, Action.MANAGE);
    }

    /** May the caller see this unit's invoices and account? Managers, admins, owners and {@code view_finances} delegates. */
    public void viewUnit(Caller caller, String unitId) {
        try {
            UnitItem unit = access.unit(caller, unitId, Action.READ);
            boolean staff = access.memberships(caller.userId(), unit.getOrganisationId()).stream().anyMatch(m ->
                    m.roleValue() == Role.ORG_ADMIN || (m.roleValue() == Role.MANAGER && unit.getBuildingId().equals(m.getBuildingId())));
            if (staff) return;
        } catch (ApiException e) {
            // Not a reader of the unit as a member: a delegate may still hold view_finances for it; ownerRight decides.
            if (e.type() != ProblemType.NOT_FOUND && e.type() != ProblemType.FORBIDDEN) throw e;
        }
        access.ownerRight(caller, unitId, DelegatedRight.VIEW_FINANCES);
    }

    /** May the caller pay this unit's invoices? Its owners and delegates holding {@code pay}; managers do not pay for owners. */
    public void payUnit(Caller caller, String unitId) {
        try {
            access.ownerRight(caller, unitId, DelegatedRight.PAY);
        } catch (ApiException e) {
            if (e.type() != ProblemType.NOT_FOUND) throw e;
            // Someone who sees the unit's invoices (a view_finances delegate) is told it is not theirs to pay, not that it is not there.
            viewUnit(caller, unitId);
            throw ApiException.forbidden("You hold no right to pay for this unit");
        }
    }
}
