package app.domus.calendar.events;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * On {@code ReservationCreated}, {@code ReservationChanged}, {@code ReservationCancelled} and {@code VoteCreated}: the
 * entries they put in people's calendars made, moved or cancelled ({@link CalendarSources}), each with its event.
 */
public class CalendarSourcesHandler extends EventConsumer<JsonNode> {
    private final CalendarSources sources;

    public CalendarSourcesHandler() {
        this(CalendarComponent.create());
    }

    private CalendarSourcesHandler(CalendarComponent wiring) {
        this(wiring.idempotency(), wiring.sources());
    }

    public CalendarSourcesHandler(IdempotencyStore idempotency, CalendarSources sources) {
        super(JsonNode.class, idempotency, "ReservationCreated", "ReservationChanged", "ReservationCancelled", "VoteCreated");
        this.sources = sources;
    }

    @Override
    protected void handle(JsonNode payload) {
        sources.apply(payload);
    }
}
