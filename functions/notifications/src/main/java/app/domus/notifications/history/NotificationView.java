package app.domus.notifications.history;

import java.util.List;
import java.util.Locale;

/** A notification in the history, as its user sees it. */
public record NotificationView(String notificationId, String category, String template, String title, String body,
                               List<String> channels, String sentAt, boolean read, String readAt) {

    public static NotificationView of(NotificationItem n, String readUpTo) {
        boolean read = n.getReadAt() != null || (readUpTo != null && n.getId().compareTo(readUpTo) <= 0);
        return new NotificationView(n.getId(), n.getCategory().toLowerCase(Locale.ROOT), n.getTemplate(), n.getTitle(), n.getBody(),
                n.getChannels() == null ? List.of() : n.getChannels().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList(),
                n.getSentAt(), read, n.getReadAt());
    }
}
