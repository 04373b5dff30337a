package app.domus.rentals.stays;

import app.domus.rentals.reservations.ReservationEvents;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;

/**
 * On {@code ReservationCreated}: the stay saga starts (codes, welcome, the keypad code on the lock). On
 * {@code ReservationCancelled}: its compensations (the code revoked, the registration withdrawn, the ID images deleted).
 * Both events carry the reservation as it is, so its status says which.
 */
public class StartStayHandler extends EventConsumer<ReservationEvents.Snapshot> {
    private final StaySaga saga;

    public StartStayHandler() {
        this(StaysComponent.create());
    }

    private StartStayHandler(StaysComponent wiring) {
        this(wiring.idempotency(), wiring.saga());
    }

    public StartStayHandler(IdempotencyStore idempotency, StaySaga saga) {
        super(ReservationEvents.Snapshot.class, idempotency, ReservationEvents.CREATED, ReservationEvents.CANCELLED);
        this.saga = saga;
    }

    @Override
    protected void handle(ReservationEvents.Snapshot reservation) {
        if (ReservationItem.CANCELLED.equals(reservation.status())) saga.cancel(reservation);
        else saga.start(reservation);
    }
}
