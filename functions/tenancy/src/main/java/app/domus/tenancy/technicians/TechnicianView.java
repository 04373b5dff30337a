package app.domus.tenancy.technicians;

import app.domus.shared.directory.MembershipItem;
import java.util.List;

/** A technician of a building, with their skills. */
public record TechnicianView(String userId, String buildingId, List<String> skills) {
    public static TechnicianView of(MembershipItem membership) {
        return new TechnicianView(membership.getUserId(), membership.getBuildingId(),
                membership.getSkills() == null ? List.of() : membership.getSkills());
    }
}
