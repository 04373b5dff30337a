package app.domus.faults;

import app.domus.shared.auth.Caller;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import java.util.List;

/**
 * What a caller is to one fault. Staff (the organisation's admins and the building's managers) do everything;
 * the assignee works the fault; the reporter confirms or reopens it; the building's residents read it.
 *
 * @param member whether the caller belongs to the fault's organisation at all (outsiders hear 404, members 403)
 */
public record FaultRoles(boolean staff, boolean assignee, boolean reporter, boolean resident, boolean member) {

    public static FaultRoles of(Caller caller, FaultItem fault, List<MembershipItem> memberships) {
        boolean staff = false;
        boolean resident = false;
        for (MembershipItem m : memberships) {
            boolean here = fault.getBuildingId().equals(m.getBuildingId());
            switch (m.roleValue()) {
                case ORG_ADMIN -> staff = true;
                case MANAGER -> staff |= here;
                case OWNER, TENANT -> resident |= here;
                case TECHNICIAN -> { /* technicians see the faults assigned to them, not the building's */ }
            }
        }
        return new FaultRoles(staff, caller.userId().equals(fault.getAssigneeId()), caller.userId().equals(fault.getReportedBy()),
                resident, !memberships.isEmpty());
    }

    public boolean maySee() {
        return staff || assignee || reporter || resident;
    }

    public boolean mayChange() {
        return staff || assignee || reporter;
    }

    /** Work on the fault is the assignee's (and staff's); closing and reopening it is the reporter's (and staff's). */
    public boolean mayMoveTo(FaultStatus target) {
        return switch (target) {
            case IN_PROGRESS, ESCALATED, RESOLVED -> staff || assignee;
            case CLOSED, REOPENED -> staff || reporter;
            case NEW -> false;
        };
    }

    static boolean isStaffOf(List<MembershipItem> memberships, String buildingId) {
        return memberships.stream().anyMatch(m -> m.roleValue() == Role.ORG_ADMIN
                || (m.roleValue() == Role.MANAGER && buildingId.equals(m.getBuildingId())));
    }
}
