package app.domus.votes;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventPublisher;
import app.domus.shared.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An event publisher that keeps what it is given instead of sending it to SNS. */
public class RecordingEvents extends EventPublisher {
    public final List<DomainEvent> published = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public RecordingEvents(Clock clock) {
        super(null, null, clock);
        this.clock = clock;
    }

    @Override
    public DomainEvent publish(String type, String organisationId, Object payload) {
        DomainEvent event = DomainEvent.of(type, organisationId, Json.MAPPER.valueToTree(payload), clock.instant());
        published.add(event);
        return event;
    }

    public List<DomainEvent> ofType(String type) {
        return published.stream().filter(e -> e.type().equals(type)).toList();
    }
}
