package app.domus.rentals.stays;

import static app.domus.shared.testing.Refusals.detail;
import static app.domus.shared.testing.Refusals.status;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.LockResult;
import app.domus.rentals.locks.LockState;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.LocalDynamo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stay changed by someone else while a person's request was under way: the request is refused, and leaves nothing behind. */
class StaysConflictsTest {
    private final StaysFixture w = new StaysFixture();
    private static final Instant OPENS = Instant.parse("2026-03-10T14:00:00Z");
    private volatile String bumping;
    private final AtomicInteger bumps = new AtomicInteger();

    /** Another writer: the stay's item written again, so that the request's version is stale. */
    private void bump() {
        if (bumping == null) return;
        StayItem s = w.stay(bumping);
        s.setUpdatedAt("bumped " + bumps.incrementAndGet());
        w.table.of(StayItem.class).updateItem(s);
    }

    private final List<String> deleted = new ArrayList<>();
    private volatile boolean deleteFails;
    private final GuestDocuments documents = new GuestDocuments() {
        @Override
        public String put(String organisationId, String reservationId, String name, String contentType, byte[] bytes) {
            bump();
            return w.documents.put(organisationId, reservationId, name, contentType, bytes);
        }

        @Override
        public void delete(List<String> keys) {
            deleted.addAll(keys);
            if (deleteFails) throw new IllegalStateException("S3 down");
            w.documents.delete(keys);
        }
    };

    private final LockGateway locks = new LockGateway() {
        @Override
        public LockResult createCode(String lockId, String name, String code, Instant from, Instant until) {
            return w.locks.createCode(lockId, name, code, from, until);
        }

        @Override
        public LockResult findCode(String lockId, String name) {
            return w.locks.findCode(lockId, name);
        }

        @Override
        public LockResult revokeCode(String lockId, String authId) {
            bump();
            return w.locks.revokeCode(lockId, authId);
        }

        @Override
        public LockResult unlock(String lockId) {
            bump();
            return w.locks.unlock(lockId);
        }

        @Override
        public LockState state(String lockId) {
            return w.locks.state(lockId);
        }

        @Override
        public boolean acceptsCode(String code) {
            return w.locks.acceptsCode(code);
        }
    };

    private final StaySaga saga = new StaySaga(w.table, w.outbox, locks, w.police, documents, w.codes, w.notifications, w.clock, "u");
    private final Stays stays = new Stays(w.table, w.access, w.reservations, saga, documents, new RateLimiter(LocalDynamo.client(), w.config, w.clock), w.clock);

    private static StayRequests.Document jpeg() {
        byte[] bytes = new byte[16];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return new StayRequests.Document("image/jpeg", Base64.getEncoder().encodeToString(bytes));
    }

    private ReservationEvents.Snapshot started() {
        ReservationEvents.Snapshot r = w.booked(LocalDate.parse("2026-03-10"), 3);
        saga.start(r);
        return r;
    }

    @Test
    void aRegistrationRacingAnotherWriteIsAConflictAndItsImagesAreRemoved() {
        ReservationEvents.Snapshot r = started();
        bumping = r.reservationId();
        var registration = new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), List.of(jpeg(), jpeg()));
        assertThat(status(() -> stays.register(caller(w.mia), r.reservationId(), registration))).isEqualTo(409);
        assertThat(detail(() -> stays.register(caller(w.mia), r.reservationId(), registration))).contains("send it again");
        assertThat(w.documents.stored).isEmpty();
        assertThat(deleted).hasSize(4);
        assertThat(w.table.get(GuestRegistrationItem.class, StayItem.pk(r.reservationId()), GuestRegistrationItem.SK)).isEmpty();
        assertThat(w.stay(r.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.AWAITING_GUESTS);

        deleteFails = true;
        assertThat(status(() -> stays.register(caller(w.mia), r.reservationId(), registration))).as("still the conflict").isEqualTo(409);
    }

    @Test
    void aCheckInThatKeepsLosingTheRaceAsksTheGuestToTryAgainAndOneThatWinsLater() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        bumping = r.reservationId();
        var presence = new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId()));
        assertThat(detail(() -> stays.checkIn(presence, null))).isEqualTo("The stay is changing; check in again in a moment");
        assertThat(bumps).hasValue(3);
        assertThat(w.stay(r.reservationId()).getCheckInStatus()).isNull();

        bumping = null;
        assertThat(stays.checkIn(presence, null).status()).isEqualTo(StaySaga.CHECKED_IN);
        bumping = r.reservationId();
        bumps.set(0);
        assertThat(detail(() -> stays.checkOut(presence, null))).isEqualTo("The stay is changing; check out again in a moment");
        assertThat(bumps).hasValue(3);
        assertThat(w.stay(r.reservationId()).getCheckOutStatus()).isNull();
    }
}
