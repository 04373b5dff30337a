package app.domus.faults.triage;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultStore;
import app.domus.faults.Staff;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the people a fault concerns about its assignment and resolution. Notification ids are derived from the
 * event's content (the assignment number, the resolving version), so the same news reaches a person once.
 */
@Singleton
public class FaultNotices {
    private static final Logger LOG = LoggerFactory.getLogger(FaultNotices.class);

    private final FaultStore faults;
    private final Staff staff;
    private final NotificationSender notifications;

    @Inject
    public FaultNotices(FaultStore faults, Staff staff, NotificationSender notifications) {
        this.faults = faults;
        this.staff = staff;
        this.notifications = notifications;
    }

    /** The assignee hears of the assignment, unless the fault went to someone else since. */
    public void assigned(FaultEvents.FaultAssigned event) {
        FaultItem fault = faults.find(event.faultId()).orElse(null);
        if (fault == null || !event.assigneeId().equals(fault.getAssigneeId())
                || !Integer.valueOf(event.assignment()).equals(fault.getAssignments())) {
            LOG.info("Assignment {} of fault {} is superseded; not announced", event.assignment(), event.faultId());
            return;
        }
        notifications.send(new NotificationRequest("fault-assigned-" + fault.getId() + "-" + event.assignment(),
                event.assigneeId(), null, Category.FAULTS, "fault-assigned", Map.of(
                        "title", fault.getTitle(),
                        "building", staff.buildingName(fault.getBuildingId()),
                        "category", fault.categoryValue().wire())));
    }

    /** The reporter hears of the resolution, unless they resolved it themselves. */
    public void resolved(FaultEvents.FaultResolved event) {
        if (event.reportedBy().equals(event.resolvedBy())) return;
        FaultItem fault = faults.find(event.faultId()).orElse(null);
        if (fault == null) return;
        notifications.send(new NotificationRequest("fault-resolved-" + fault.getId() + "-" + event.version(),
                event.reportedBy(), null, Category.FAULTS, "fault-resolved", Map.of(
                        "title", fault.getTitle(),
                        "building", staff.buildingName(fault.getBuildingId()),
                        "resolution", event.resolution())));
    }
}
