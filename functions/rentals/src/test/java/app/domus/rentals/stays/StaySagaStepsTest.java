package app.domus.rentals.stays;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.LockResult;
import app.domus.rentals.locks.LockState;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.police.GuestRegistration;
import app.domus.rentals.police.PoliceGateway;
import app.domus.rentals.police.SubmissionStatus;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The saga's steps one by one: what it sends, what it schedules, and what a partner's refusal or failure does to the stay. */
class StaySagaStepsTest {
    private final StaysFixture w = new StaysFixture();
    private static final LocalDate ARRIVAL = LocalDate.parse("2026-03-10");
    private volatile PartnerException lockFails;
    private volatile PartnerException policeFails;

    private final LockGateway locks = new LockGateway() {
        @Override
        public LockResult createCode(String lockId, String name, String code, Instant from, Instant until) {
            if (lockFails != null) throw lockFails;
            return w.locks.createCode(lockId, name, code, from, until);
        }

        @Override
        public LockResult findCode(String lockId, String name) {
            return w.locks.findCode(lockId, name);
        }

        @Override
        public LockResult revokeCode(String lockId, String authId) {
            return w.locks.revokeCode(lockId, authId);
        }

        @Override
        public LockResult unlock(String lockId) {
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

    private final PoliceGateway police = new PoliceGateway() {
        @Override
        public SubmissionStatus submit(GuestRegistration registration) {
            if (policeFails != null) throw policeFails;
            return w.police.submit(registration);
        }

        @Override
        public SubmissionStatus status(String submissionId) {
            return w.police.status(submissionId);
        }

        @Override
        public SubmissionStatus resubmit(String previousSubmissionId, GuestRegistration corrected) {
            return w.police.resubmit(previousSubmissionId, corrected);
        }

        @Override
        public SubmissionStatus withdraw(String submissionId) {
            return w.police.withdraw(submissionId);
        }
    };

    private final StaySaga saga = new StaySaga(w.table, w.outbox, locks, police, w.documents, w.codes, w.notifications, w.clock,
            "https://stay.example.test/check-in");

    private ReservationEvents.Snapshot started() {
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        saga.start(r);
        return r;
    }

    private void register(ReservationEvents.Snapshot r, String payment) {
        w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(payment, List.of(StaysFixture.guest("ESP")), null));
    }

    private StayItem stay(ReservationEvents.Snapshot r) {
        return w.stay(r.reservationId());
    }

    private String reason(DomainEvent e) {
        return e.payload().path("reason").asText();
    }

    @Test
    void theWelcomeTellsTheGuestTheTimesInTheUnitsZoneAndWhereToCheckIn() {
        ReservationEvents.Snapshot r = started();
        NotificationRequest welcome = w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE).getFirst();
        assertThat(welcome.id()).isEqualTo("stay-welcome:" + r.reservationId());
        assertThat(welcome.email()).isEqualTo("gina@example.test");
        assertThat(welcome.userId()).isNull();
        assertThat(welcome.data()).containsEntry("guestName", "Gina Guest").containsEntry("reservationId", r.reservationId())
                .containsEntry("checkIn", "2026-03-10").containsEntry("checkOut", "2026-03-13").containsEntry("checkInFrom", "15:00")
                .containsEntry("checkOutBy", "11:00").containsEntry("checkInUrl", "https://stay.example.test/check-in");
        assertThat(w.codes.matches(r.reservationId(), welcome.data().get("accessCode"), stay(r).getAccessCodeHash())).isTrue();
    }

    @Test
    void aGuestWithoutEmailGetsNoWelcomeAndOneWithoutNameIsTheGuest() {
        ReservationItem silent = w.book.book(w.unit, new ReservationBook.Booking("direct", false, ARRIVAL, ARRIVAL.plusDays(1), "Sam", null, null, 1));
        saga.start(ReservationEvents.Snapshot.of(silent));
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE)).isEmpty();
        assertThat(w.stay(silent.getId()).getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);

        ReservationItem nameless = w.book.book(w.unit, new ReservationBook.Booking("direct", false, ARRIVAL.plusDays(5), ARRIVAL.plusDays(6), null,
                "anon@example.test", null, 1));
        saga.start(ReservationEvents.Snapshot.of(nameless));
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE)).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("guestName", "guest"));
    }

    @Test
    void aUnitNotSetUpHasAStayInUtcAtTheDefaultTimesWithNothingToDo() {
        var bare = w.unit(w.building, "9");
        ReservationItem r = w.book.book(bare, new ReservationBook.Booking("direct", false, ARRIVAL, ARRIVAL.plusDays(2), "Gina", "g@example.test", null, 1));
        saga.start(ReservationEvents.Snapshot.of(r));
        StayItem s = w.stay(r.getId());
        assertThat(s.getValidFrom()).isEqualTo("2026-03-10T15:00:00Z");
        assertThat(s.getValidUntil()).isEqualTo("2026-03-12T11:00:00Z");
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.NO_LOCK);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.NOT_REQUIRED);
        assertThat(s.getGsi1pk()).isNull();
        assertThat(s.getNextAttemptAt()).isNull();
        assertThat(s.getLockCodeClaim()).isNull();
        assertThat(w.locks.calls).isEmpty();
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE).getFirst().data()).containsEntry("checkInFrom", "15:00");

        saga.cancel(ReservationEvents.Snapshot.of(w.book.cancelDirect(w.book.find(r.getId()).orElseThrow())));
        assertThat(w.stay(r.getId()).getStatus()).isEqualTo(StaySaga.CANCELLED);
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).as("nothing to undo: closed at once").hasSize(1);
    }

    @Test
    void theKeypadCodesClaimOnTheLockLastsADayPastTheStay() {
        ReservationEvents.Snapshot r = started();
        StayItem s = stay(r);
        LockCodeItem claim = w.table.get(LockCodeItem.class, LockCodeItem.pk(StaysFixture.LOCK), s.getLockCodeClaim()).orElseThrow();
        assertThat(claim.getReservationId()).isEqualTo(r.reservationId());
        assertThat(claim.getLockId()).isEqualTo(StaysFixture.LOCK);
        assertThat(claim.getTtl()).isEqualTo(Instant.parse("2026-03-14T10:00:00Z").getEpochSecond());
        assertThat(s.getCreatedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(s.getAttempts()).isZero();
    }

    @Test
    void anOfflineLockIsTriedAgainWhenItSaysRatherThanAfterTheBackoff() {
        w.locks.offline.add(StaysFixture.LOCK);
        ReservationEvents.Snapshot r = started();
        StayItem s = stay(r);
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.LOCK_PENDING);
        assertThat(s.getAttempts()).isEqualTo(1);
        assertThat(s.getNextAttemptAt()).isEqualTo(w.clock.instant().plusSeconds(30).toString());
        assertThat(s.getGsi1sk()).isEqualTo(w.clock.instant().plusSeconds(30) + "#" + r.reservationId());
    }

    @Test
    void aLockThatRefusesTheCodeFailsTheStepAndTellsTheManagers() {
        lockFails = new PartnerException.Refused("smart-lock", "404", "no such lock");
        ReservationEvents.Snapshot r = started();
        StayItem s = stay(r);
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.LOCK_FAILED);
        assertThat(s.getLastError()).isEqualTo("smart lock: smart-lock: no such lock");
        assertThat(s.getAttempts()).isZero();
        assertThat(s.getGsi1pk()).as("nothing left to try").isNull();
        List<DomainEvent> failed = w.events.ofType(StayEvents.STEP_FAILED);
        assertThat(failed).singleElement().satisfies(e -> assertThat(reason(e)).isEqualTo("The smart lock refused the keypad code: smart-lock: no such lock"));
    }

    @Test
    void aLockCloudDownIsRecordedAndTriedAgainLater() {
        lockFails = new PartnerException.Unavailable("smart-lock", "timed out", null);
        ReservationEvents.Snapshot r = started();
        StayItem s = stay(r);
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.LOCK_PENDING);
        assertThat(s.getLastError()).isEqualTo("smart lock: smart-lock: timed out");
        assertThat(s.getAttempts()).isEqualTo(1);
        Instant next = Instant.parse(s.getNextAttemptAt());
        assertThat(next).isBetween(w.clock.instant().plusSeconds(60), w.clock.instant().plusSeconds(120));
        assertThat(w.events.ofType(StayEvents.STEP_FAILED)).isEmpty();

        lockFails = null;
        w.clock.advance(Duration.ofMinutes(3));
        saga.resume();
        assertThat(stay(r).getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(stay(r).getAttempts()).isZero();
    }

    @Test
    void theRegistrationSentIsTheStaysWithTheUnitsArrivalTimeAndTheBookingsDate() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        saga.resume();
        GuestRegistration sent = w.police.sent.get(w.police.last());
        assertThat(sent.establishmentCode()).isEqualTo("0000000001");
        assertThat(sent.reference()).isEqualTo(r.reservationId());
        assertThat(sent.contractDate()).as("the day it was booked").isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(sent.arrival()).isEqualTo(ARRIVAL);
        assertThat(sent.arrivalTime()).isEqualTo(LocalTime.of(15, 0));
        assertThat(sent.departure()).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(sent.rooms()).isEqualTo(1);
        assertThat(sent.internet()).isTrue();
        assertThat(sent.paymentType()).isEqualTo("PLATF");
        assertThat(sent.guests()).singleElement().satisfies(g -> {
            assertThat(g.firstName()).isEqualTo("Gina");
            assertThat(g.nationality()).isEqualTo("ESP");
            assertThat(g.birthDate()).isEqualTo(LocalDate.parse("1990-05-01"));
        });
        StayItem s = stay(r);
        assertThat(s.getSubmissions()).singleElement().asString().isEqualTo(w.clock.instant() + " submitted " + w.police.last());
        assertThat(w.events.ofType(StayEvents.REGISTRATION_SUBMITTED)).hasSize(1);
    }

    @Test
    void aUnitWithoutWifiRegistersNoInternetAndThePaymentGiven() {
        w.stays.setUp(caller(w.mia), w.unit.getId(), new StayRequests.Setup(StaysFixture.LOCK, "0000000001", "17:30", "11:00", "Europe/Madrid",
                null, null, null));
        ReservationEvents.Snapshot r = started();
        register(r, "TARJT");
        saga.resume();
        GuestRegistration sent = w.police.sent.get(w.police.last());
        assertThat(sent.internet()).isFalse();
        assertThat(sent.paymentType()).isEqualTo("TARJT");
        assertThat(sent.arrivalTime()).isEqualTo(LocalTime.of(17, 30));
    }

    @Test
    void aFormThePortalRefusesAtOnceIsARejectionForTheManagerToCorrect() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        policeFails = new PartnerException.Invalid("police-portal", "Falta fechaNacimiento (10121)");
        saga.resume();
        StayItem s = stay(r);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.REJECTED);
        assertThat(s.getRejectionReason()).isEqualTo("Falta fechaNacimiento (10121)");
        assertThat(s.getSubmissions()).singleElement().asString().endsWith(" refused Falta fechaNacimiento (10121)");
        assertThat(w.events.ofType(StayEvents.REGISTRATION_REJECTED)).singleElement()
                .satisfies(e -> assertThat(reason(e)).isEqualTo("Falta fechaNacimiento (10121)"));
        assertThat(s.getGsi1pk()).isNull();
    }

    @Test
    void aPortalThatRefusesUsFailsTheRegistrationForGood() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        policeFails = new PartnerException.Refused("police-portal", "401", "credentials refused");
        saga.resume();
        StayItem s = stay(r);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.FAILED);
        assertThat(s.getLastError()).isEqualTo("police portal: police-portal: credentials refused");
        assertThat(w.events.ofType(StayEvents.STEP_FAILED)).singleElement()
                .satisfies(e -> assertThat(reason(e)).isEqualTo("The police portal refused the registration: police-portal: credentials refused"));
    }

    @Test
    void aPortalDownLeavesTheRegistrationPendingWithTheError() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        policeFails = new PartnerException.Unavailable("police-portal", "HTTP 503", null);
        saga.resume();
        StayItem s = stay(r);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.PENDING);
        assertThat(s.getLastError()).isEqualTo("police portal: police-portal: HTTP 503");
        assertThat(s.getAttempts()).isEqualTo(1);
        saga.resume();
        assertThat(stay(r).getAttempts()).as("not due again yet").isEqualTo(1);
        w.clock.advance(Duration.ofMinutes(2));
        saga.resume();
        assertThat(stay(r).getAttempts()).isEqualTo(2);
        assertThat(Instant.parse(stay(r).getNextAttemptAt())).isBetween(w.clock.instant().plusSeconds(120), w.clock.instant().plusSeconds(240));
    }

    @Test
    void aSubmissionTheyWithdrewIsWithdrawnAndARegistrationNobodyFiledGoesBackToAwaiting() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        saga.resume();
        String lot = w.police.last();
        w.police.submissions.put(lot, SubmissionStatus.withdrawn(lot));
        w.clock.advance(Duration.ofMinutes(5));
        saga.resume();
        assertThat(stay(r).getRegistrationStatus()).isEqualTo(StaySaga.WITHDRAWN);

        ReservationEvents.Snapshot other = w.booked(LocalDate.parse("2026-04-01"), 2);
        saga.start(other);
        StayItem s = w.stay(other.reservationId());
        s.setRegistrationStatus(StaySaga.PENDING);
        StaySaga.schedule(s, w.clock.instant());
        w.table.of(StayItem.class).updateItem(s);
        saga.resume();
        assertThat(w.stay(other.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.AWAITING_GUESTS);
    }

    @Test
    void aWithdrawalThePortalRefusesFailsForAPerson() {
        ReservationEvents.Snapshot r = started();
        register(r, null);
        saga.resume();
        w.police.accept(w.police.last());
        w.clock.advance(Duration.ofMinutes(5));
        saga.resume();
        saga.cancel(w.cancelled(r));
        StayItem s = stay(r);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.WITHDRAWING);
        w.police.reject(s.getWithdrawalId(), "Comunicación ya anulada");
        w.clock.advance(Duration.ofHours(2));
        saga.resume();
        StayItem failed = stay(r);
        assertThat(failed.getRegistrationStatus()).isEqualTo(StaySaga.FAILED);
        assertThat(failed.getLastError()).isEqualTo("police portal refused the withdrawal: Comunicación ya anulada");
        assertThat(w.events.ofType(StayEvents.STEP_FAILED)).singleElement().satisfies(e -> assertThat(reason(e))
                .isEqualTo("The police portal refused to withdraw the registration: Comunicación ya anulada"));
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).hasSize(1);
    }

    @Test
    void aStayAwaitingGuestsIsCancelledWithNothingToWithdraw() {
        ReservationEvents.Snapshot r = started();
        saga.cancel(w.cancelled(r));
        StayItem s = stay(r);
        assertThat(s.getRegistrationStatus()).isEqualTo(StaySaga.NOT_SUBMITTED);
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.REVOKED);
        assertThat(s.getCancelledAt()).isEqualTo(w.clock.instant().toString());
        assertThat(w.police.calls).isEmpty();
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
        saga.cancel(w.cancelled(r));
        assertThat(w.events.ofType(StayEvents.STAY_CLOSED)).as("once").hasSize(1);
    }

    @Test
    void movingAStayToTheSameWindowOrACancelledOneDoesNothingAndAnUnknownOneStarts() {
        ReservationEvents.Snapshot r = started();
        int calls = w.locks.calls.size();
        saga.reschedule(r);
        assertThat(w.locks.calls).hasSize(calls);
        assertThat(stay(r).getVersion()).isEqualTo(w.stay(r.reservationId()).getVersion());

        ReservationEvents.Snapshot fresh = w.booked(LocalDate.parse("2026-05-01"), 2);
        saga.reschedule(fresh);
        assertThat(w.stay(fresh.reservationId()).getValidFrom()).isEqualTo("2026-05-01T13:00:00Z");

        saga.cancel(w.cancelled(r));
        ReservationEvents.Snapshot moved = new ReservationEvents.Snapshot(r.reservationId(), r.organisationId(), r.buildingId(), r.unitId(),
                r.channel(), r.channelReservationId(), r.status(), "2026-03-11", "2026-03-14", r.guestName(), r.guestEmail(), r.guests());
        saga.reschedule(moved);
        assertThat(stay(r).getValidFrom()).isEqualTo("2026-03-10T14:00:00Z");
    }

    @Test
    void theBackoffDoublesFromAMinuteToAnHourWithHalfOfItJittered() {
        for (int i = 0; i < 50; i++) {
            assertThat(StaySaga.backoff(null)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(StaySaga.backoff(0)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(StaySaga.backoff(1)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
            assertThat(StaySaga.backoff(3)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(8));
            assertThat(StaySaga.backoff(6)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60));
            assertThat(StaySaga.backoff(40)).isBetween(Duration.ofMinutes(30), Duration.ofMinutes(60));
        }
    }
}
