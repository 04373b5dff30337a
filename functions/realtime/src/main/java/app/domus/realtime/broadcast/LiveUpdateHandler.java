package app.domus.realtime.broadcast;

import app.domus.realtime.RealtimeComponent;
import app.domus.realtime.topics.Topics;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveUpdate;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.notify.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the live-updates queue that every context sends to through the kernel's {@code LiveUpdates} port, and
 * broadcasts each update to the connections following its topic. On a state topic an update overtaken by a later one
 * is dropped; on a personal topic ({@code user:<userId>}) every update goes out. An update that reached no connection
 * and carries a notification to send otherwise (a new message for someone offline, or whose every connection was
 * gone) hands it to the notifier. A failed update is reported so that only it is redelivered (and dead-lettered in
 * the end); its notification carries a deterministic id, so the notifier sends it once.
 */
public class LiveUpdateHandler extends QueueConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(LiveUpdateHandler.class);

    private final Topics topics;
    private final TopicBroadcaster broadcaster;
    private final NotificationSender notifications;

    public LiveUpdateHandler() {
        this(RealtimeComponent.create());
    }

    private LiveUpdateHandler(RealtimeComponent wiring) {
        this(wiring.topics(), wiring.broadcaster(), wiring.notifications());
    }

    LiveUpdateHandler(Topics topics, TopicBroadcaster broadcaster, NotificationSender notifications) {
        this.topics = topics;
        this.broadcaster = broadcaster;
        this.notifications = notifications;
    }

    @Override
    protected String what() {
        return "Live update";
    }

    /** Updates of one topic go out in order (a state topic drops the overtaken); different topics at once. */
    @Override
    protected String orderKey(String body) {
        try {
            String topic = Json.read(body, LiveUpdate.class).topic();
            return topic == null ? "" : topic;
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    protected void handle(String body) {
        LiveUpdate update = Json.read(body, LiveUpdate.class);
        if (update.topic() == null || update.message() == null) throw new IllegalArgumentException("not a live update");
        if (!LiveUpdates.isPersonal(update.topic()) && !topics.advance(update.topic(), update.sentAt())) {
            LOG.info("Dropped an update of {} overtaken by a later one", update.topic());
            return;
        }
        int reached = broadcaster.broadcast(update.topic(), update.message());
        if (reached == 0 && update.otherwise() != null) notifications.send(update.otherwise());
    }
}
