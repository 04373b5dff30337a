package app.domus.votes;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notification sender that keeps the requests instead of queueing them for the notifier. */
public final class RecordingNotifications extends NotificationSender {
    public final List<NotificationRequest> sent = new CopyOnWriteArrayList<>();

    public RecordingNotifications(PlatformConfig config) {
        super(null, config);
    }

    @Override
    public void send(NotificationRequest request) {
        sent.add(request);
    }

    public List<NotificationRequest> ofTemplate(String template) {
        return sent.stream().filter(n -> n.template().equals(template)).toList();
    }
}
