package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.calendar.events.CalendarEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On {@code EventCreated}, {@code EventUpdated} and {@code EventDeleted}: the entry pushed to the person's connected
 * calendars as it is now ({@link CalendarPush}); a provider failing makes the message come again.
 */
public class PushCalendarEventsHandler extends EventConsumer<CalendarEvents.Snapshot> {
    private static final Logger LOG = LoggerFactory.getLogger(PushCalendarEventsHandler.class);
    private final CalendarPush push;

    public PushCalendarEventsHandler() {
        this(CalendarComponent.create());
    }

    private PushCalendarEventsHandler(CalendarComponent wiring) {
        this(wiring.idempotency(), wiring.push());
    }

    public PushCalendarEventsHandler(IdempotencyStore idempotency, CalendarPush push) {
        super(CalendarEvents.Snapshot.class, idempotency, CalendarEvents.CREATED, CalendarEvents.UPDATED, CalendarEvents.DELETED);
        this.push = push;
    }

    @Override
    protected void handle(CalendarEvents.Snapshot event) {
        LOG.info("Entry {} revision {}: {}", event.eventId(), event.revision(), push.push(event.userId(), event.eventId()));
    }
}
