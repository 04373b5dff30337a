package app.domus.calendar.connect;

import app.domus.calendar.CalendarComponent;
import app.domus.shared.events.AccountDeletedConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code AccountDeleted} (the {@code EraseCalendarConnections} entry of the Consumers mapping): the person's
 * connected calendars' grants ended at Google or Microsoft, then the connections erased ({@link ConnectionErasure}).
 * Once per event (the kernel's idempotency); a provider failing makes the message come again, then the DLQ.
 */
public class EraseCalendarConnectionsHandler extends AccountDeletedConsumer {
    private final ConnectionErasure erasure;

    public EraseCalendarConnectionsHandler() {
        this(CalendarComponent.create());
    }

    private EraseCalendarConnectionsHandler(CalendarComponent wiring) {
        this(wiring.idempotency(), wiring.erasure());
    }

    public EraseCalendarConnectionsHandler(IdempotencyStore idempotency, ConnectionErasure erasure) {
        super(idempotency);
        this.erasure = erasure;
    }

    @Override
    protected int erase(String userId) {
        return erasure.eraseAll(userId);
    }
}
