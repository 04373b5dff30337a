package app.domus.local.console;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The most recent messages published to the platform's topics: its domain events, for the console and the tests, each
 * with the subscriptions it reached and, where the local cloud sees it, how the consumer fared.
 */
public final class PublishedEvents {
    private static final int KEPT = 1000;
    /** Queue message ids of recent deliveries, to find the delivery when the queue's function has handled the message. */
    private static final int TRACKED_QUEUE_MESSAGES = 5000;

    private final Deque<PublishedEvent> recent = new ArrayDeque<>();
    private final Map<String, Delivery> byQueueMessageId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Delivery> eldest) {
            return size() > TRACKED_QUEUE_MESSAGES;
        }
    };
    private final List<Consumer<PublishedEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param eventType  the {@code eventType} message attribute the platform sets on every domain event, if any
     * @param deliveries the subscriptions the message was handed to (filled while it is delivered)
     */
    public record PublishedEvent(Instant publishedAt, String topic, String eventType, String messageId, String message,
                                 Map<String, String> attributes, List<Delivery> deliveries) {
        public PublishedEvent(Instant publishedAt, String topic, String eventType, String messageId, String message, Map<String, String> attributes) {
            this(publishedAt, topic, eventType, messageId, message, attributes, new CopyOnWriteArrayList<>());
        }

        /** The domain event envelope's {@code organisationId}, if the message is one. */
        @com.fasterxml.jackson.annotation.JsonProperty("organisationId")
        public String organisationId() {
            JsonNode envelope = Json.readOrNull(message);
            return envelope == null ? null : envelope.path("organisationId").textValue();
        }
    }

    /**
     * One subscription a message reached.
     *
     * @param protocol sqs, lambda, email or sms
     * @param target   the queue's name, the function's logical id, or the address
     */
    public static final class Delivery {
        private final String protocol;
        private final String target;
        private volatile String outcome;
        private volatile String detail;
        private volatile Instant updatedAt;

        public Delivery(String protocol, String target, String outcome) {
            this.protocol = protocol;
            this.target = target;
            this.outcome = outcome;
            this.updatedAt = Instant.now();
        }

        public String getProtocol() { return protocol; }
        public String getTarget() { return target; }
        /** queued, invoked, processed, failed, sent (to the outbox) or not-delivered-locally. */
        public String getOutcome() { return outcome; }
        public String getDetail() { return detail; }
        public Instant getUpdatedAt() { return updatedAt; }

        public void update(String outcome, String detail) {
            this.outcome = outcome;
            this.detail = detail;
            this.updatedAt = Instant.now();
        }
    }

    public void onAdd(Consumer<PublishedEvent> listener) {
        listeners.add(listener);
    }

    public void add(PublishedEvent event) {
        synchronized (this) {
            recent.addFirst(event);
            if (recent.size() > KEPT) recent.removeLast();
        }
        for (Consumer<PublishedEvent> listener : listeners) listener.accept(event);
    }

    /** Records that {@code event} reached a subscription; {@code queueMessageId} names the queue message it became, if any. */
    public Delivery delivered(PublishedEvent event, String protocol, String target, String outcome, String queueMessageId) {
        Delivery delivery = new Delivery(protocol, target, outcome);
        event.deliveries().add(delivery);
        if (queueMessageId != null) {
            synchronized (this) {
                byQueueMessageId.put(queueMessageId, delivery);
            }
        }
        return delivery;
    }

    /**
     * What a queue's function made of a message: {@code error} {@code null} for processed (and deleted), else why it
     * failed (it stays on the queue to be retried, and after the redrive policy's receives goes to the dead-letter queue).
     *
     * @return whether the message was one of a recent event's deliveries
     */
    public boolean consumed(String queueMessageId, String function, String error) {
        Delivery delivery;
        synchronized (this) {
            delivery = byQueueMessageId.get(queueMessageId);
        }
        if (delivery == null) return false;
        delivery.update(error == null ? "processed" : "failed", error == null ? "by " + function : function + ": " + error);
        return true;
    }

    /** Newest first; {@code eventType} ({@code null} for all) narrows it down. */
    public List<PublishedEvent> recent(String eventType) {
        return recent(eventType, null);
    }

    /** Newest first, narrowed down by event type and organisation id (each {@code null} or blank for all). */
    public synchronized List<PublishedEvent> recent(String eventType, String organisationId) {
        List<PublishedEvent> events = new ArrayList<>(recent);
        if (eventType != null && !eventType.isBlank()) events.removeIf(event -> !eventType.equals(event.eventType()));
        if (organisationId != null && !organisationId.isBlank()) events.removeIf(event -> !organisationId.equals(event.organisationId()));
        return events;
    }
}
