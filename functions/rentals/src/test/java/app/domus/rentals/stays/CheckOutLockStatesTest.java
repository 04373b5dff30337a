package app.domus.rentals.stays;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.reservations.ReservationEvents;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Check-out takes the keypad code off the lock whatever step the code was at, and leaves a failed lock alone. */
class CheckOutLockStatesTest {
    private final StaysFixture w = new StaysFixture();
    private static final Instant OPENS = Instant.parse("2026-03-10T14:00:00Z");

    private ReservationEvents.Snapshot checkedIn() {
        ReservationEvents.Snapshot r = w.booked(LocalDate.parse("2026-03-10"), 3);
        w.saga.start(r);
        w.clock.set(OPENS.plusSeconds(60));
        w.stays.checkIn(new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId())), null);
        return r;
    }

    private Stays.CheckOutView checkOut(ReservationEvents.Snapshot r) {
        return w.stays.checkOut(new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId())), null);
    }

    private void lockStatus(ReservationEvents.Snapshot r, String status, String authId) {
        StayItem s = w.stay(r.reservationId());
        s.setLockStatus(status);
        s.setLockAuthId(authId);
        w.table.of(StayItem.class).updateItem(s);
    }

    @Test
    void aCodeStillPendingOrMovingIsLookedUpByNameAndRevoked() {
        ReservationEvents.Snapshot r = checkedIn();
        lockStatus(r, StaySaga.LOCK_PENDING, null);
        assertThat(checkOut(r).status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.REVOKED);
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
        assertThat(w.locks.calls).contains("find " + StaysFixture.LOCK + " " + r.reservationId());

        ReservationEvents.Snapshot moving = w.booked(LocalDate.parse("2026-04-10"), 3);
        w.saga.start(moving);
        w.clock.set(Instant.parse("2026-04-10T13:01:00Z"));
        w.stays.checkIn(new StayRequests.Presence(moving.reservationId(), w.accessCodeSent(moving.reservationId())), null);
        String authId = w.stay(moving.reservationId()).getLockAuthId();
        lockStatus(moving, StaySaga.CODE_MOVING, authId);
        assertThat(checkOut(moving).status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.locks.calls).contains("revoke " + StaysFixture.LOCK + " " + authId);
    }

    @Test
    void aRevocationAlreadyWaitingIsTriedAtOnce() {
        ReservationEvents.Snapshot r = checkedIn();
        String authId = w.stay(r.reservationId()).getLockAuthId();
        lockStatus(r, StaySaga.REVOKE_PENDING, authId);
        assertThat(checkOut(r).status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.REVOKED);
    }

    @Test
    void aLockThatFailedIsLeftAsItIs() {
        ReservationEvents.Snapshot r = checkedIn();
        lockStatus(r, StaySaga.LOCK_FAILED, null);
        int calls = w.locks.calls.size();
        Stays.CheckOutView out = checkOut(r);
        assertThat(out.status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.LOCK_FAILED);
        assertThat(w.locks.calls).hasSize(calls);
        assertThat(w.events.ofType(StayEvents.CHECKED_OUT).getFirst().payload().hasNonNull("reason")).isFalse();
    }
}
