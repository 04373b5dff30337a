package app.domus.faults;

import app.domus.shared.events.NewEvent;

/**
 * The faults context's domain events. They are written with the change that causes them (see {@link FaultStore})
 * and published from the outbox to the platform's one events topic.
 */
public final class FaultEvents {
    public static final String REPORTED = "FaultReported";
    public static final String ASSIGNED = "FaultAssigned";
    public static final String RESOLVED = "FaultResolved";

    private FaultEvents() {}

    /** Payload of {@code FaultReported}. */
    public record FaultReported(String faultId, String organisationId, String buildingId, String unitId, String reportedBy,
                                String category, int photoCount) {}

    /**
     * Payload of {@code FaultAssigned}. {@code assignment} counts the fault's assignments: the same assignment
     * announced twice carries the same number, and consumers act on it once.
     */
    public record FaultAssigned(String faultId, String organisationId, String buildingId, String assigneeId,
                                String assignedBy, int assignment) {}

    /** Payload of {@code FaultResolved}; {@code version} is the fault's version that the resolution produced. */
    public record FaultResolved(String faultId, String organisationId, String buildingId, String reportedBy,
                                String resolvedBy, String resolution, long version) {}

    public static NewEvent reported(FaultItem fault) {
        return new NewEvent(REPORTED, fault.getOrganisationId(), fault.getId(), new FaultReported(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getUnitId(), fault.getReportedBy(), fault.categoryValue().wire(),
                fault.getPhotoKeys() == null ? 0 : fault.getPhotoKeys().size()));
    }

    public static NewEvent assigned(FaultItem fault) {
        return new NewEvent(ASSIGNED, fault.getOrganisationId(), fault.getId(), new FaultAssigned(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getAssigneeId(), fault.getAssignedBy(), fault.getAssignments()));
    }

    public static NewEvent resolved(FaultItem fault) {
        return new NewEvent(RESOLVED, fault.getOrganisationId(), fault.getId(), new FaultResolved(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getReportedBy(), fault.getResolvedBy(), fault.getResolution(), fault.getVersion()));
    }
}
