package app.domus.faults;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.EventPublisher;
import app.domus.shared.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** An event publisher that keeps what it is given instead of sending it to SNS. */
public final class RecordingEvents extends EventPublisher {
    public final List<DomainEvent> published = new ArrayList<>();

    public RecordingEvents() {
        super(null, null, Clock.systemUTC());
    }

    @Override
    public DomainEvent publish(String type, String organisationId, Object payload) {
        DomainEvent event = DomainEvent.of(type, organisationId, Json.MAPPER.valueToTree(payload), Clock.systemUTC().instant());
        published.add(event);
        return event;
    }

    public List<DomainEvent> ofType(String type) {
        return published.stream().filter(e -> e.type().equals(type)).toList();
    }
}
