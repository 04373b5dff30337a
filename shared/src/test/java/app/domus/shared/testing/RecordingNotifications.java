package app.domus.shared.testing;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A notification sender that keeps the requests instead of queueing them for the notifier; it can be told to fail. */
public final class RecordingNotifications extends NotificationSender {
    public final List<NotificationRequest> sent = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    public RecordingNotifications(PlatformConfig config) {
        super(null, config);
    }

    @Override
    public void send(NotificationRequest request) {
        if (down) throw new IllegalStateException("notification queue unavailable");
        sent.add(request);
    }

    /** What each person was sent, deduplicated by request id as the notifier delivers them. */
    public List<NotificationRequest> delivered() {
        return sent.stream().collect(Collectors.toMap(NotificationRequest::id, r -> r, (a, b) -> a,
                LinkedHashMap::new)).values().stream().toList();
    }

    public List<NotificationRequest> ofTemplate(String template) {
        return sent.stream().filter(n -> n.template().equals(template)).toList();
    }
}
