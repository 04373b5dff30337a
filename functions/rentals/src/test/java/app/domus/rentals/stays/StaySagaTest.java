package app.domus.rentals.stays;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

class StaySagaTest {
    private final StaysFixture w = new StaysFixture();
    private static final LocalDate ARRIVAL = LocalDate.parse("2026-03-10");
    /** 15:00 in Madrid on the day of arrival (UTC+1 in March) and 11:00 on the day of departure, three nights later. */
    private static final Instant OPENS = Instant.parse("2026-03-10T14:00:00Z"), CLOSES = Instant.parse("2026-03-13T10:00:00Z");

    private ReservationEvents.Snapshot started() {
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        w.saga.start(r);
        return r;
    }

    @Test
    void aNewReservationGetsCodesOnTheLockForItsWindowAndAWelcomeWithoutEitherCodeStored() {
        ReservationEvents.Snapshot r = started();

        StayItem stay = w.stay(r.reservationId());
        assertThat(stay.getValidFrom()).isEqualTo(OPENS.toString());
        assertThat(stay.getValidUntil()).isEqualTo(CLOSES.toString());
        assertThat(stay.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(stay.getRegistrationStatus()).isEqualTo(StaySaga.AWAITING_GUESTS);
        StaysFixture.Locks.Code onLock = w.locks.on(StaysFixture.LOCK).get(r.reservationId());
        assertThat(onLock.from()).isEqualTo(OPENS);
        assertThat(onLock.until()).isEqualTo(CLOSES);
        assertThat(onLock.code()).matches("[1-9]{6}").doesNotStartWith("12");

        String accessCode = w.accessCodeSent(r.reservationId());
        assertThat(accessCode).hasSize(8);
        assertThat(w.notifications.sent).filteredOn(n -> n.template().equals(StaySaga.WELCOME_TEMPLATE))
                .singleElement().satisfies(n -> assertThat(n.email()).isEqualTo("gina@example.test"));
        // Neither code is anywhere in the table: only keyed hashes.
        String everything = LocalDynamoDump.of(w);
        assertThat(everything).doesNotContain(accessCode).doesNotContain(onLock.code());
        assertThat(stay.getAccessCodeHash()).isEqualTo(w.codes.hash(r.reservationId(), accessCode));
    }

    @Test
    void startingAgainSendsTheSameWelcomeAndPutsNoSecondCode() {
        ReservationEvents.Snapshot r = started();
        w.saga.start(r);

        assertThat(w.locks.on(StaysFixture.LOCK)).hasSize(1);
        assertThat(w.notifications.sent).filteredOn(n -> n.template().equals(StaySaga.WELCOME_TEMPLATE))
                .extracting(n -> n.id() + n.data().get("accessCode")).containsOnly("stay-welcome:" + r.reservationId() + w.accessCodeSent(r.reservationId()));
    }

    @Test
    void aKeypadCodeInUseOnTheLockIsDrawnAgain() {
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        // Another stay holds the keypad code the first draw would give.
        String taken = w.codes.keypadCode(r.reservationId(), "first-draw");
        LockCodeItem claim = new LockCodeItem();
        claim.setPk(LockCodeItem.pk(StaysFixture.LOCK));
        claim.setSk(LockCodeItem.sk(w.codes.hash("lock|" + StaysFixture.LOCK, taken)));
        claim.setReservationId("another-stay");
        w.table.of(LockCodeItem.class).putItem(claim);
        w.forcedNonces.add("first-draw");
        w.forcedNonces.add("second-draw");

        w.saga.start(r);

        assertThat(w.stay(r.reservationId()).getCodeNonce()).isEqualTo("second-draw");
        assertThat(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code()).isNotEqualTo(taken)
                .isEqualTo(w.codes.keypadCode(r.reservationId(), "second-draw"));
    }

    @Test
    void aLockOfflineAtBookingGetsItsCodeWhenItIsBack() {
        w.locks.offline.add(StaysFixture.LOCK);
        ReservationEvents.Snapshot r = started();
        StayItem pending = w.stay(r.reservationId());
        assertThat(pending.getLockStatus()).isEqualTo(StaySaga.LOCK_PENDING);
        assertThat(pending.getGsi1pk()).isEqualTo(StayItem.PENDING);
        // The guest is welcomed all the same: the code is derived, not lost while the lock is away.
        assertThat(w.accessCodeSent(r.reservationId())).isNotBlank();

        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.LOCK_PENDING);

        w.locks.offline.clear();
        w.clock.advance(Duration.ofHours(2));
        assertThat(w.saga.resume()).isEqualTo(1);
        StayItem done = w.stay(r.reservationId());
        assertThat(done.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(done.getGsi1pk()).isNull();
        assertThat(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code()).isEqualTo(w.codes.keypadCode(r.reservationId(), done.getCodeNonce()));
    }

    @Test
    void thePoliceRejectAndAcceptAfterACorrectionAndTheIdImagesGoOnceAccepted() {
        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration("PLATF",
                List.of(StaysFixture.guest(null)), List.of(jpeg())));
        assertThat(w.documents.stored).hasSize(1);
        w.saga.resume();
        String first = w.police.last();
        assertThat(w.stay(r.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.SUBMITTED);
        assertThat(w.police.sent.get(first).establishmentCode()).isEqualTo("0000000001");
        assertThat(w.police.sent.get(first).arrival()).isEqualTo(ARRIVAL);

        w.police.reject(first, "La nacionalidad es obligatoria");
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        StayItem rejected = w.stay(r.reservationId());
        assertThat(rejected.getRegistrationStatus()).isEqualTo(StaySaga.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("La nacionalidad es obligatoria");
        assertThat(payload(w.events.ofType(StayEvents.REGISTRATION_REJECTED).getLast()).reason()).isEqualTo("La nacionalidad es obligatoria");
        // A police rejection does not touch the lock: the guest keeps the code.
        assertThat(rejected.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(w.documents.stored).hasSize(1);

        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration("PLATF",
                List.of(StaysFixture.guest("DEU")), List.of(jpeg())));
        assertThat(w.documents.stored).as("the first images replaced by the correction's").hasSize(1);
        w.saga.resume();
        assertThat(w.police.calls).contains("resubmit " + first);
        String second = w.police.last();
        assertThat(w.police.sent.get(second).guests().getFirst().nationality()).isEqualTo("DEU");

        w.police.accept(second);
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        StayItem accepted = w.stay(r.reservationId());
        assertThat(accepted.getRegistrationStatus()).isEqualTo(StaySaga.ACCEPTED);
        assertThat(accepted.getCommunicationCode()).isEqualTo("COM-" + second);
        assertThat(accepted.getGsi1pk()).isNull();
        assertThat(w.documents.stored).as("ID images are not kept after a successful submission").isEmpty();
        assertThat(w.stays.stay(caller(w.olga), r.reservationId()).documentsKept()).isZero();
        assertThat(accepted.getSubmissions()).hasSize(4);
    }

    @Test
    void aPortalThatIsDownIsTriedAgainLaterWithBackoffAndNotBefore() {
        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), null));
        w.police.down = true;
        w.saga.resume();
        StayItem waiting = w.stay(r.reservationId());
        assertThat(waiting.getRegistrationStatus()).isEqualTo(StaySaga.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(Instant.parse(waiting.getNextAttemptAt())).isAfter(w.clock.instant().plusSeconds(29));

        int calls = w.police.calls.size();
        w.saga.resume();
        assertThat(w.police.calls).as("not due yet").hasSize(calls);

        w.police.down = false;
        w.clock.advance(Duration.ofMinutes(2));
        w.saga.resume();
        assertThat(w.stay(r.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.SUBMITTED);
    }

    @Test
    void aCancellationRevokesTheCodeWithdrawsTheRegistrationAndDeletesTheImages() {
        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), List.of(jpeg())));
        w.saga.resume();
        String lot = w.police.last();
        w.police.accept(lot);
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        w.locks.offline.add(StaysFixture.LOCK);

        w.saga.cancel(w.cancelled(r));

        StayItem cancelling = w.stay(r.reservationId());
        assertThat(cancelling.getStatus()).isEqualTo(StaySaga.CANCELLED);
        assertThat(cancelling.getLockStatus()).as("the lock is offline: revoked when it is back").isEqualTo(StaySaga.REVOKE_PENDING);
        assertThat(cancelling.getRegistrationStatus()).as("an accepted registration is withdrawn by a cancellation lot").isEqualTo(StaySaga.WITHDRAWING);
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).isEmpty();

        w.locks.offline.clear();
        w.police.accept(cancelling.getWithdrawalId());
        w.clock.advance(Duration.ofHours(2));
        w.saga.resume();
        StayItem closed = w.stay(r.reservationId());
        assertThat(closed.getLockStatus()).isEqualTo(StaySaga.REVOKED);
        assertThat(closed.getRegistrationStatus()).isEqualTo(StaySaga.WITHDRAWN);
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
        assertThat(w.police.withdrawn).contains(lot);
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).hasSize(1);
        assertThat(closed.getGsi1pk()).isNull();

        // The guest's code no longer opens anything.
        assertThatThrownBy(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId())), "10.0.0.1"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_STATE));
    }

    @Test
    void aSubmissionStillInProcessIsCancelledAtOnce() {
        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), null));
        w.saga.resume();

        w.saga.cancel(w.cancelled(r));

        StayItem closed = w.stay(r.reservationId());
        assertThat(closed.getRegistrationStatus()).isEqualTo(StaySaga.WITHDRAWN);
        assertThat(closed.getLockStatus()).isEqualTo(StaySaga.REVOKED);
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).hasSize(1);
    }

    @Test
    void aReservationCancelledBeforeItsStartStartsNothing() {
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        w.saga.cancel(w.cancelled(r));
        w.saga.start(r);

        assertThat(w.locks.calls).isEmpty();
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE)).isEmpty();
        assertThat(w.stay(r.reservationId()).getStatus()).isEqualTo(StaySaga.CANCELLED);
    }

    @Test
    void checkInOpensTheDoorAndGivesTheKeypadCodeOnlyInTheWindowWithTheRightCode() {
        ReservationEvents.Snapshot r = started();
        String code = w.accessCodeSent(r.reservationId());

        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), "WRONG123"), "10.0.0.1"), ProblemType.INVALID_ACCESS_CODE);
        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence("no-such-reservation", code), "10.0.0.1"), ProblemType.INVALID_ACCESS_CODE);
        w.clock.set(OPENS.minusSeconds(60));
        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1"), ProblemType.CHECK_IN_NOT_OPEN);
        assertThat(w.stay(r.reservationId()).getCheckInStatus()).isNull();

        w.clock.set(OPENS.plusSeconds(60));
        Stays.CheckInView in = w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code.toLowerCase().substring(0, 4) + "-" + code.substring(4)), "10.0.0.1");
        assertThat(in.status()).isEqualTo(StaySaga.CHECKED_IN);
        assertThat(in.lockCode()).isEqualTo(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code());
        assertThat(in.wifiInfo()).isEqualTo(new Stays.Wifi("Casa-1", "wifi-secret"));
        assertThat(w.locks.unlocks).hasValue(1);
        List<DomainEvent> checkedIn = w.events.ofType(StayEvents.CHECKED_IN);
        assertThat(checkedIn).hasSize(1);

        Stays.CheckInView again = w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1");
        assertThat(again).isEqualTo(in);
        assertThat(w.events.ofType(StayEvents.CHECKED_IN)).as("a second check-in changes nothing").hasSize(1);
        assertThat(w.locks.unlocks).hasValue(1);

        w.clock.set(CLOSES);
        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1"), ProblemType.ACCESS_CODE_EXPIRED);
    }

    @Test
    void aLockOfflineAtCheckInStillGivesTheCodeAndCatchesUpLater() {
        w.locks.offline.add(StaysFixture.LOCK);
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));

        Stays.CheckInView in = w.stays.checkIn(new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId())), "10.0.0.1");

        assertThat(in.status()).isEqualTo(StaySaga.PENDING_LOCK_SYNC);
        assertThat(in.lockCode()).isEqualTo(w.codes.keypadCode(r.reservationId(), w.stay(r.reservationId()).getCodeNonce()));
        assertThat(payload(w.events.ofType(StayEvents.CHECKED_IN).getFirst()).checkInStatus()).isEqualTo(StaySaga.PENDING_LOCK_SYNC);
        assertThat(w.stay(r.reservationId()).getGsi1pk()).isEqualTo(StayItem.PENDING);

        w.locks.offline.clear();
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        StayItem synced = w.stay(r.reservationId());
        assertThat(synced.getCheckInStatus()).isEqualTo(StaySaga.CHECKED_IN);
        assertThat(synced.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code()).isEqualTo(in.lockCode());
        assertThat(w.events.ofType(StayEvents.LOCK_SYNCED)).hasSize(1);
        assertThat(w.locks.unlocks).as("no door opened later, when the guest may not be there").hasValue(0);
    }

    @Test
    void guessingIsCutOffByTheLimitEvenForTheRightCode() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        for (int i = 0; i < Stays.ATTEMPTS_PER_STAY; i++) {
            assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), "GUESS" + System.nanoTime() % 1000), "10.0.0." + 2),
                    ProblemType.INVALID_ACCESS_CODE);
        }
        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId())), "10.0.0.3"),
                ProblemType.TOO_MANY_REQUESTS);
        assertThat(w.stay(r.reservationId()).getCheckInStatus()).isNull();
    }

    @Test
    void checkOutRevokesTheCodeAndOnlyAfterCheckIn() {
        ReservationEvents.Snapshot r = started();
        String code = w.accessCodeSent(r.reservationId());
        w.clock.set(OPENS.plusSeconds(60));
        assertProblem(() -> w.stays.checkOut(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1"), ProblemType.INVALID_STATE);

        w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1");
        w.clock.advance(Duration.ofDays(2));
        Stays.CheckOutView out = w.stays.checkOut(new StayRequests.Presence(r.reservationId(), code), "10.0.0.1");

        assertThat(out.status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.REVOKED);
        assertThat(w.events.ofType(StayEvents.CHECKED_OUT)).hasSize(1);
    }

    @Test
    void onlyTheBuildingsManagersRegisterGuestsAndBadImagesStoreNothing() {
        ReservationEvents.Snapshot r = started();
        StayRequests.Registration registration = new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), null);
        assertProblem(() -> w.stays.register(caller(w.otto), r.reservationId(), registration), ProblemType.NOT_FOUND);
        assertProblem(() -> w.stays.register(caller(w.tom), r.reservationId(), registration), ProblemType.FORBIDDEN);
        assertProblem(() -> w.stays.stay(caller(w.otto), r.reservationId()), ProblemType.NOT_FOUND);
        assertProblem(() -> w.stays.stay(caller(w.tom), r.reservationId()), ProblemType.FORBIDDEN);
        assertThat(w.stay(r.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.AWAITING_GUESTS);

        StayRequests.Document lying = new StayRequests.Document("image/jpeg", Base64.getEncoder().encodeToString("%PDF-1.7 not a photo".getBytes()));
        app.domus.shared.validation.Validator v = new app.domus.shared.validation.Validator();
        new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), List.of(lying)).validate(v);
        assertThat(v.errors()).extracting(e -> e.field()).containsExactly("documents[0].data");
        assertThat(w.documents.stored).isEmpty();
    }

    @Test
    void movedDatesMoveTheCodesWindowOnTheLockAndResubmitTheRegistration() {
        ReservationEvents.Snapshot r = started();
        String accessCode = w.accessCodeSent(r.reservationId());
        String keypad = w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code();
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), null));
        w.saga.resume();
        String lot = w.police.last();
        w.police.accept(lot);
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();

        ReservationEvents.Snapshot moved = new ReservationEvents.Snapshot(r.reservationId(), r.organisationId(), r.buildingId(), r.unitId(),
                r.channel(), r.channelReservationId(), r.status(), "2026-03-11", "2026-03-15", r.guestName(), r.guestEmail(), r.guests());
        w.saga.reschedule(moved);

        StayItem s = w.stay(r.reservationId());
        assertThat(s.getValidFrom()).isEqualTo("2026-03-11T14:00:00Z");
        assertThat(s.getValidUntil()).isEqualTo("2026-03-15T10:00:00Z");
        StaysFixture.Locks.Code onLock = w.locks.on(StaysFixture.LOCK).get(r.reservationId());
        assertThat(onLock.from()).isEqualTo(Instant.parse("2026-03-11T14:00:00Z"));
        assertThat(onLock.until()).isEqualTo(Instant.parse("2026-03-15T10:00:00Z"));
        assertThat(onLock.code()).as("the same keypad code").isEqualTo(keypad);
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(w.police.calls).contains("resubmit " + lot);
        assertThat(w.police.sent.get(w.police.last()).arrival()).isEqualTo(LocalDate.parse("2026-03-11"));
        LockCodeItem claim = w.table.get(LockCodeItem.class, LockCodeItem.pk(StaysFixture.LOCK), s.getLockCodeClaim()).orElseThrow();
        assertThat(claim.getValidUntil()).isEqualTo(s.getValidUntil());

        // The guest's access code is unchanged, and opens the new window, not the old one.
        w.clock.set(OPENS.plusSeconds(60));
        assertProblem(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), accessCode), "10.0.0.1"), ProblemType.CHECK_IN_NOT_OPEN);
        w.clock.set(Instant.parse("2026-03-11T14:01:00Z"));
        assertThat(w.stays.checkIn(new StayRequests.Presence(r.reservationId(), accessCode), "10.0.0.1").lockCode()).isEqualTo(keypad);
    }

    private static StayRequests.Document jpeg() {
        byte[] bytes = new byte[200];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return new StayRequests.Document("image/jpeg", Base64.getEncoder().encodeToString(bytes));
    }

    private static StayEvents.Stay payload(DomainEvent event) {
        return Json.MAPPER.convertValue(event.payload(), StayEvents.Stay.class);
    }

    private static void assertProblem(Runnable call, ProblemType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(type));
    }

    /** Every attribute of every item of the test's table, as text. */
    static final class LocalDynamoDump {
        static String of(StaysFixture w) {
            return app.domus.shared.testing.LocalDynamo.client().scan(ScanRequest.builder().tableName(w.config.tableName()).build())
                    .items().toString();
        }
    }
}
