package app.domus.meters;

import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The managers hear of a flagged reading and of an anomaly (through the notifier, by their preferences for meters).
 * Notification ids derive from the reading or anomaly and the manager, so a redelivered event tells nobody twice.
 */
@Singleton
public class MeterNotices {
    /** What both events carry that a notice needs (Jackson leaves out the fields an event does not have). */
    public record Notice(String readingId, String anomalyId, String meterId, String buildingId, String unitId, String kind,
                         String value, String detail, List<String> reasons, String readAt) {}

    private final People people;
    private final NotificationSender notifications;

    @Inject
    public MeterNotices(People people, NotificationSender notifications) {
        this.people = people;
        this.notifications = notifications;
    }

    public void tellManagers(Notice notice) {
        String building = people.buildingName(notice.buildingId());
        String place = people.placeOf(notice.unitId());
        for (String manager : people.managersOf(notice.buildingId())) {
            if (notice.anomalyId() != null) {
                notifications.send(new NotificationRequest("meter-anomaly-" + notice.anomalyId() + "-" + manager, manager, null,
                        Category.METERS, "meter-anomaly", Map.of("meter", notice.meterId(), "building", building, "place", place,
                        "kind", notice.kind().replace('_', ' '), "detail", notice.detail() == null ? "" : notice.detail())));
            } else {
                notifications.send(new NotificationRequest("meter-flagged-" + notice.readingId() + "-" + manager, manager, null,
                        Category.METERS, "meter-reading-flagged", Map.of("meter", notice.meterId(), "building", building, "place", place,
                        "value", notice.value(), "readAt", notice.readAt(),
                        "reasons", notice.reasons() == null ? "" : String.join(", ", notice.reasons()).replace('_', ' '))));
            }
        }
    }
}
