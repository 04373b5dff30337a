package app.domus.faults;

import app.domus.shared.events.EventPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The faults context's domain events, published through the platform's one events topic. */
@Singleton
public class FaultEvents {
    public static final String REPORTED = "FaultReported";
    public static final String ASSIGNED = "FaultAssigned";
    public static final String RESOLVED = "FaultResolved";

    private final EventPublisher events;

    @Inject
    public FaultEvents(EventPublisher events) {
        this.events = events;
    }

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

    public void reported(FaultItem fault) {
        events.publish(REPORTED, fault.getOrganisationId(), new FaultReported(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getUnitId(), fault.getReportedBy(), fault.categoryValue().wire(),
                fault.getPhotoKeys() == null ? 0 : fault.getPhotoKeys().size()));
    }

    public void assigned(FaultItem fault) {
        events.publish(ASSIGNED, fault.getOrganisationId(), new FaultAssigned(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getAssigneeId(), fault.getAssignedBy(), fault.getAssignments()));
    }

    public void resolved(FaultItem fault) {
        events.publish(RESOLVED, fault.getOrganisationId(), new FaultResolved(fault.getId(), fault.getOrganisationId(),
                fault.getBuildingId(), fault.getReportedBy(), fault.getResolvedBy(), fault.getResolution(), fault.getVersion()));
    }
}
