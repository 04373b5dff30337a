package app.domus.rentals.stays;

import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code ReservationChanged} with new dates: the stay's window moves, and the keypad code on the lock and the police
 * registration with it. Other changes (the guest's name, their number) leave the stay as it is.
 */
public class RescheduleStayHandler extends EventConsumer<ReservationEvents.Changed> {
    private final StaySaga saga;

    public RescheduleStayHandler() {
        this(StaysComponent.create());
    }

    private RescheduleStayHandler(StaysComponent wiring) {
        this(wiring.idempotency(), wiring.saga());
    }

    public RescheduleStayHandler(IdempotencyStore idempotency, StaySaga saga) {
        super(ReservationEvents.Changed.class, idempotency, ReservationEvents.CHANGED);
        this.saga = saga;
    }

    @Override
    protected void handle(ReservationEvents.Changed change) {
        if (change.changes().contains("checkIn") || change.changes().contains("checkOut")) saga.reschedule(change.reservation());
    }
}
