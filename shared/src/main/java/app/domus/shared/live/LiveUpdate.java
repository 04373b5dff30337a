package app.domus.shared.live;

import app.domus.shared.notify.NotificationRequest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What travels on the live-updates queue from a context to the broadcaster: the topic, when the message was sent
 * (epoch milliseconds, so that the broadcaster can drop a message overtaken by a later one on a state topic) and the
 * message itself. {@code otherwise}, when present, is what the broadcaster hands to the notifier if the message reached
 * no connection at all (the user is offline, or every connection they had turned out to be gone).
 */
public record LiveUpdate(String topic, long sentAt, JsonNode message, NotificationRequest otherwise) {
    public LiveUpdate(String topic, long sentAt, JsonNode message) {
        this(topic, sentAt, message, null);
    }
}
