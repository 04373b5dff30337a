package app.domus.local.console;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The most recent messages published to the platform's topics: its domain events, for the console and the tests. */
public final class PublishedEvents {
    private static final int KEPT = 1000;

    private final Deque<PublishedEvent> recent = new ArrayDeque<>();

    /**
     * @param eventType the {@code eventType} message attribute the platform sets on every domain event, if any
     */
    public record PublishedEvent(Instant publishedAt, String topic, String eventType, String messageId, String message,
                                 Map<String, String> attributes) {}

    public synchronized void add(PublishedEvent event) {
        recent.addFirst(event);
        if (recent.size() > KEPT) recent.removeLast();
    }

    /** Newest first; {@code eventType} ({@code null} for all) narrows it down. */
    public synchronized List<PublishedEvent> recent(String eventType) {
        List<PublishedEvent> events = new ArrayList<>(recent);
        if (eventType != null && !eventType.isBlank()) events.removeIf(event -> !eventType.equals(event.eventType()));
        return events;
    }
}
