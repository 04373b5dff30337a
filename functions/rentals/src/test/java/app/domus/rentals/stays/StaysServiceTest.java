package app.domus.rentals.stays;

import static app.domus.shared.testing.Refusals.detail;
import static app.domus.shared.testing.Refusals.status;
import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stay as people touch it, through the service and its handlers: set-up, registration, check-in and check-out. */
class StaysServiceTest {
    private final StaysFixture w = new StaysFixture();
    private static final LocalDate ARRIVAL = LocalDate.parse("2026-03-10");
    private static final Instant OPENS = Instant.parse("2026-03-10T14:00:00Z"), CLOSES = Instant.parse("2026-03-13T10:00:00Z");

    private ReservationEvents.Snapshot started() {
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        w.saga.start(r);
        return r;
    }

    private static StayRequests.Registration registration(StayRequests.Document... documents) {
        return new StayRequests.Registration("PLATF", List.of(StaysFixture.guest("ESP")), documents.length == 0 ? null : List.of(documents));
    }

    private static StayRequests.Document jpeg() {
        byte[] bytes = new byte[64];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return new StayRequests.Document("image/jpeg", Base64.getEncoder().encodeToString(bytes));
    }

    private static StayRequests.Document pdf() {
        return new StayRequests.Document("application/pdf", Base64.getEncoder().encodeToString("%PDF-1.7 scan".getBytes()));
    }

    private StayRequests.Presence presence(ReservationEvents.Snapshot r) {
        return new StayRequests.Presence(r.reservationId(), w.accessCodeSent(r.reservationId()));
    }

    private void store(StayItem s) {
        w.table.of(StayItem.class).updateItem(s);
    }

    // ---- set-up ------------------------------------------------------------------------------------------------------

    @Test
    void aSetUpIsStoredForTheUnitAndChangedInPlace() {
        w.clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        Stays.SetupView changed = w.stays.setUp(caller(w.mia), w.unit.getId(), new StayRequests.Setup("L9", "0000000009", "16:00", "10:00",
                "Europe/Lisbon", null, null, null));
        assertThat(changed).isEqualTo(new Stays.SetupView(w.unit.getId(), "L9", "0000000009", "16:00", "10:00", "Europe/Lisbon", null, false, null,
                "2026-03-03T08:00:00Z"));
        RentalSetupItem stored = w.saga.setup(w.unit.getId()).orElseThrow();
        assertThat(stored.getVersion()).isEqualTo(2L);
        assertThat(stored.getUpdatedBy()).isEqualTo(w.mia);
        assertThat(stored.getOrganisationId()).isEqualTo(w.org);
        assertThat(stored.getBuildingId()).isEqualTo(w.building.getId());
        assertThat(stored.getWifiPassword()).isNull();

        assertThat(w.stays.setup(caller(w.olga), w.unit.getId())).isEqualTo(changed);
        assertThat(status(() -> w.stays.setup(caller(w.tom), w.unit.getId()))).isEqualTo(403);
        assertThat(status(() -> w.stays.setUp(caller(w.olga), w.unit.getId(), new StayRequests.Setup(null, null, "15:00", "11:00", "UTC", null,
                null, null)))).isEqualTo(403);
    }

    @Test
    void aUnitNotSetUpHasNoSetUpToRead() {
        var other = w.unit(w.building, "2");
        assertThat(status(() -> w.stays.setup(caller(w.mia), other.getId()))).isEqualTo(404);
        assertProblem(call(new GetRentalSetupHandler(w.stays), HttpEvents.request("GET", "/units/" + other.getId() + "/rental-setup")
                .pathParam("unitId", other.getId()).as(w.mia)), 404, "not-found");
    }

    // ---- registration ------------------------------------------------------------------------------------------------

    @Test
    void aRegistrationStoresTheGuestsAndImagesAndPutsTheStayOnItsWayToThePortal() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(Instant.parse("2026-03-05T12:30:15Z"));

        Stays.StayView view = w.stays.register(caller(w.mia), r.reservationId(), registration(jpeg(), pdf()));

        assertThat(view.registrationStatus()).isEqualTo(StaySaga.PENDING);
        assertThat(view.documentsKept()).isEqualTo(2);
        assertThat(view.nextAttemptAt()).isEqualTo("2026-03-05T12:30:15Z");
        assertThat(view.submissions()).isEmpty();
        String prefix = "guest-documents/" + w.org + "/" + r.reservationId() + "/2026-03-05T123015Z-0-";
        assertThat(w.documents.stored).containsOnlyKeys(prefix + "0.jpg", prefix + "1.pdf");
        GuestRegistrationItem item = w.table.get(GuestRegistrationItem.class, StayItem.pk(r.reservationId()), GuestRegistrationItem.SK).orElseThrow();
        assertThat(item.getPaymentType()).isEqualTo("PLATF");
        assertThat(item.getUpdatedBy()).isEqualTo(w.mia);
        assertThat(item.getUpdatedAt()).isEqualTo("2026-03-05T12:30:15Z");
        assertThat(item.getReservationId()).isEqualTo(r.reservationId());
        assertThat(Json.tree(item.getGuests()).get(0).path("nationality").asText()).isEqualTo("ESP");
        assertThat(Json.tree(item.getGuests()).get(0).path("birthDate").asText()).isEqualTo("1990-05-01");
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getGsi1pk()).isEqualTo(StayItem.PENDING);
        assertThat(s.getAttempts()).isZero();
        assertThat(s.getPreviousSubmissionId()).isNull();
    }

    @Test
    void aCorrectionReplacesTheImagesAndNamesTheSubmissionItReplaces() {
        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), registration(jpeg()));
        w.stays.register(caller(w.mia), r.reservationId(), registration());
        assertThat(w.stay(r.reservationId()).getPreviousSubmissionId()).as("nothing submitted yet").isNull();
        assertThat(w.documents.stored).isEmpty();
        assertThat(w.documents.deleted).hasSize(1);
        assertThat(w.stays.stay(caller(w.mia), r.reservationId()).documentsKept()).isZero();

        w.saga.resume();
        String lot = w.police.last();
        assertThat(w.stay(r.reservationId()).getSubmissionId()).isEqualTo(lot);
        w.police.reject(lot, "Falta la nacionalidad");
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        assertThat(w.stay(r.reservationId()).getRejectionReason()).isEqualTo("Falta la nacionalidad");

        w.clock.advance(Duration.ofMinutes(1));
        Stays.StayView corrected = w.stays.register(caller(w.mia), r.reservationId(), registration(jpeg()));
        assertThat(corrected.rejectionReason()).isNull();
        assertThat(corrected.registrationStatus()).isEqualTo(StaySaga.PENDING);
        assertThat(corrected.documentsKept()).isEqualTo(1);
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getPreviousSubmissionId()).isEqualTo(lot);
        int n = s.getSubmissions().size();
        assertThat(w.documents.stored.keySet()).singleElement().asString().endsWith("-" + n + "-0.jpg");
    }

    @Test
    void aRegistrationIsRefusedForACancelledStayAUnitWithoutEstablishmentAndOneRefusedForGood() {
        ReservationEvents.Snapshot r = started();
        w.saga.cancel(w.cancelled(r));
        assertThat(status(() -> w.stays.register(caller(w.mia), r.reservationId(), registration()))).isEqualTo(409);
        assertThat(detail(() -> w.stays.register(caller(w.mia), r.reservationId(), registration()))).contains("cancelled");

        w.setUp(w.unit.getId(), StaysFixture.LOCK, null);
        ReservationEvents.Snapshot unregistered = w.booked(LocalDate.parse("2026-04-10"), 2);
        w.saga.start(unregistered);
        assertThat(w.stay(unregistered.reservationId()).getRegistrationStatus()).isEqualTo(StaySaga.NOT_REQUIRED);
        assertThat(detail(() -> w.stays.register(caller(w.mia), unregistered.reservationId(), registration(jpeg()))))
                .contains("no police establishment code");
        assertThat(w.documents.stored).isEmpty();

        w.setUp(w.unit.getId(), StaysFixture.LOCK, "0000000001");
        ReservationEvents.Snapshot failed = w.booked(LocalDate.parse("2026-05-10"), 2);
        w.saga.start(failed);
        StayItem s = w.stay(failed.reservationId());
        s.setRegistrationStatus(StaySaga.FAILED);
        s.setLastError("police-portal: credentials refused");
        store(s);
        assertThat(status(() -> w.stays.register(caller(w.mia), failed.reservationId(), registration()))).isEqualTo(409);
        assertThat(detail(() -> w.stays.register(caller(w.mia), failed.reservationId(), registration())))
                .endsWith("for good: police-portal: credentials refused");
        assertThat(status(() -> w.stays.register(caller(w.mia), "no-such-stay", registration()))).isEqualTo(404);
    }

    @Test
    void aStayWithTheEstablishmentRemovedLaterNeedsNoRegistration() {
        ReservationEvents.Snapshot r = started();
        StayItem s = w.stay(r.reservationId());
        s.setEstablishmentCode(null);
        store(s);
        assertThat(detail(() -> w.stays.register(caller(w.mia), r.reservationId(), registration()))).contains("no police establishment code");
    }

    @Test
    void theHandlersRegisterAndShowTheStayToTheManagerAndOwners() {
        ReservationEvents.Snapshot r = started();
        String path = "/reservations/" + r.reservationId() + "/guest-registration";
        String body = Json.write(registration(jpeg()));
        var put = new PutGuestRegistrationHandler(w.stays);
        assertProblem(call(put, HttpEvents.request("PUT", path).pathParam("reservationId", r.reservationId()).as(w.otto).body(body)), 404, "not-found");
        var accepted = call(put, HttpEvents.request("PUT", path).pathParam("reservationId", r.reservationId()).as(w.mia).body(body));
        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
        assertThat(json(accepted).path("registrationStatus").asText()).isEqualTo(StaySaga.PENDING);
        assertThat(json(accepted).path("documentsKept").asInt()).isEqualTo(1);

        var get = new GetStayHandler(w.stays);
        var read = call(get, HttpEvents.request("GET", "/reservations/" + r.reservationId() + "/stay").pathParam("reservationId", r.reservationId()).as(w.olga));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).path("validFrom").asText()).isEqualTo(OPENS.toString());
        assertThat(json(read).path("lockId").asText()).isEqualTo(StaysFixture.LOCK);
        assertThat(read.getBody()).doesNotContain(w.accessCodeSent(r.reservationId()));
        assertProblem(call(get, HttpEvents.request("GET", "/x").pathParam("reservationId", "nope").as(w.mia)), 404, "not-found");
    }

    // ---- check-in and check-out --------------------------------------------------------------------------------------

    @Test
    void checkInOpensAtTheStartOfTheWindowExactlyAndSaysWhenInTheUnitsTime() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.minusMillis(1));
        assertThat(detail(() -> w.stays.checkIn(presence(r), null))).isEqualTo("Check-in opens at 2026-03-10T15:00 (Europe/Madrid)");
        w.clock.set(OPENS);
        Stays.CheckInView in = w.stays.checkIn(presence(r), null);
        assertThat(in.status()).isEqualTo(StaySaga.CHECKED_IN);
        assertThat(in.checkedInAt()).isEqualTo(OPENS.toString());
        assertThat(in.checkOutBy()).isEqualTo(CLOSES.toString());
        assertThat(in.instructions()).isEqualTo("Second floor, door on the left");
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getCheckInStatus()).isEqualTo(StaySaga.CHECKED_IN);
        assertThat(s.getCheckedInAt()).isEqualTo(OPENS.toString());
    }

    @Test
    void checkInClosesAtTheEndOfTheWindow() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(CLOSES);
        assertThat(detail(() -> w.stays.checkIn(presence(r), null))).isEqualTo("The stay ended at 2026-03-13T11:00 (Europe/Madrid)");
        w.clock.set(CLOSES.minusMillis(1));
        assertThat(w.stays.checkIn(presence(r), null).status()).isEqualTo(StaySaga.CHECKED_IN);
    }

    @Test
    void aUnitWithoutLockOrWifiGivesNeitherAndTheTimesAreUtcWithoutSetUp() {
        w.stays.setUp(caller(w.mia), w.unit.getId(), new StayRequests.Setup(null, null, "15:00", "11:00", "UTC", null, null, null));
        ReservationEvents.Snapshot r = started();
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getLockId()).isNull();
        w.clock.set(Instant.parse("2026-03-10T15:00:00Z"));
        Stays.CheckInView in = w.stays.checkIn(presence(r), "10.0.0.1");
        assertThat(in.lockCode()).isNull();
        assertThat(in.wifiInfo()).isNull();
        assertThat(in.instructions()).isNull();
        assertThat(in.status()).isEqualTo(StaySaga.CHECKED_IN);
        assertThat(w.locks.calls).isEmpty();

        Stays.CheckOutView out = w.stays.checkOut(presence(r), "10.0.0.1");
        assertThat(out.status()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.stay(r.reservationId()).getLockStatus()).as("nothing to revoke").isEqualTo(s.getLockStatus());
    }

    @Test
    void aCancelledStayNeitherChecksInNorOut() {
        ReservationEvents.Snapshot r = started();
        String code = w.accessCodeSent(r.reservationId());
        w.saga.cancel(w.cancelled(r));
        w.clock.set(OPENS.plusSeconds(60));
        assertThat(status(() -> w.stays.checkIn(new StayRequests.Presence(r.reservationId(), code), null))).isEqualTo(409);
        assertThat(status(() -> w.stays.checkOut(new StayRequests.Presence(r.reservationId(), code), null))).isEqualTo(409);
        assertThat(detail(() -> w.stays.checkOut(new StayRequests.Presence(r.reservationId(), code), null))).isEqualTo("This reservation was cancelled");
    }

    @Test
    void checkingOutTwiceChangesNothingAndAnOfflineLockIsRevokedLater() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        w.stays.checkIn(presence(r), null);
        w.clock.advance(Duration.ofDays(1));
        w.locks.offline.add(StaysFixture.LOCK);

        Stays.CheckOutView out = w.stays.checkOut(presence(r), null);
        assertThat(out).isEqualTo(new Stays.CheckOutView(r.reservationId(), StaySaga.PENDING_LOCK_SYNC, OPENS.plusSeconds(60).plus(Duration.ofDays(1)).toString()));
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.REVOKE_PENDING);
        assertThat(s.getGsi1pk()).isEqualTo(StayItem.PENDING);
        assertThat(s.getNextAttemptAt()).isEqualTo(OPENS.plusSeconds(60).plus(Duration.ofDays(1)).plus(StaySaga.FIRST_RETRY).toString());
        assertThat(w.locks.on(StaysFixture.LOCK)).hasSize(1);
        var checkedOut = w.events.ofType(StayEvents.CHECKED_OUT);
        assertThat(checkedOut).hasSize(1);
        assertThat(checkedOut.getFirst().payload().path("reason").asText()).contains("offline");

        w.clock.advance(Duration.ofMinutes(1));
        assertThat(w.stays.checkOut(presence(r), null)).isEqualTo(out);
        assertThat(w.events.ofType(StayEvents.CHECKED_OUT)).hasSize(1);

        w.locks.offline.clear();
        w.clock.advance(Duration.ofMinutes(5));
        w.saga.resume();
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
        assertThat(w.stay(r.reservationId()).getCheckOutStatus()).isEqualTo(StaySaga.CHECKED_OUT);
    }

    @Test
    void aLockPendingAtCheckInGetsItsCodeThenOpens() {
        w.locks.offline.add(StaysFixture.LOCK);
        ReservationEvents.Snapshot r = started();
        assertThat(w.stay(r.reservationId()).getLockStatus()).isEqualTo(StaySaga.LOCK_PENDING);
        w.locks.offline.clear();
        w.clock.set(OPENS.plusSeconds(60));

        Stays.CheckInView in = w.stays.checkIn(presence(r), null);
        assertThat(in.status()).isEqualTo(StaySaga.CHECKED_IN);
        StayItem s = w.stay(r.reservationId());
        assertThat(s.getLockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        assertThat(s.getLockAuthId()).isEqualTo(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).authId());
        assertThat(w.locks.unlocks).hasValue(1);
        assertThat(w.events.ofType(StayEvents.CHECKED_IN).getFirst().payload().hasNonNull("reason")).isFalse();
    }

    @Test
    void oneAddressGuessingAcrossStaysIsCutOffAtItsLimit() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        for (int i = 0; i < Stays.ATTEMPTS_PER_ADDRESS; i++) {
            String id = "guess-" + i;
            assertThat(status(() -> w.stays.checkIn(new StayRequests.Presence(id, "AAAA-AAAA"), "192.0.2.9"))).isEqualTo(401);
        }
        assertThat(status(() -> w.stays.checkIn(presence(r), "192.0.2.9"))).isEqualTo(429);
        assertThat(w.stays.checkIn(presence(r), "192.0.2.10").status()).isEqualTo(StaySaga.CHECKED_IN);
    }

    @Test
    void theCheckOutHandlerTakesTheGuestsCodeAndAddress() {
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        w.stays.checkIn(presence(r), null);
        var handler = new CheckOutHandler(w.stays);
        assertProblem(call(handler, HttpEvents.request("POST", "/check-out").body("{\"reservationId\":\"" + r.reservationId() + "\"}")), 400,
                "validation-error");
        var out = call(handler, HttpEvents.request("POST", "/check-out").sourceIp("192.0.2.7")
                .body("{\"reservationId\":\"" + r.reservationId() + "\",\"accessCode\":\"" + w.accessCodeSent(r.reservationId()) + "\"}"));
        assertThat(out.getStatusCode()).as(out.getBody()).isEqualTo(200);
        assertThat(json(out).path("status").asText()).isEqualTo(StaySaga.CHECKED_OUT);
        assertThat(w.locks.on(StaysFixture.LOCK)).isEmpty();
    }

    // ---- the saga's consumers ----------------------------------------------------------------------------------------

    @Test
    void theReservationEventsStartAndCancelTheStay() {
        var handler = new StartStayHandler(w.idempotency, w.saga);
        ReservationEvents.Snapshot r = w.booked(ARRIVAL, 3);
        var created = w.events.ofType(ReservationEvents.CREATED).getLast();
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(created), new TestContext()))).isEmpty();
        assertThat(w.stay(r.reservationId()).getStatus()).isEqualTo(StaySaga.ACTIVE);

        w.reservations.cancel(caller(w.mia), r.reservationId());
        var cancelled = w.events.ofType(ReservationEvents.CANCELLED).getLast();
        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(cancelled), new TestContext()))).isEmpty();
        assertThat(w.stay(r.reservationId()).getStatus()).isEqualTo(StaySaga.CANCELLED);
    }

    @Test
    void onlyMovedDatesRescheduleTheStay() {
        var handler = new RescheduleStayHandler(w.idempotency, w.saga);
        ReservationEvents.Snapshot r = started();
        ReservationEvents.Snapshot later = new ReservationEvents.Snapshot(r.reservationId(), r.organisationId(), r.buildingId(), r.unitId(),
                r.channel(), r.channelReservationId(), r.status(), r.checkIn(), "2026-03-14", "Gina Renamed", r.guestEmail(), r.guests());
        var renamed = app.domus.shared.events.DomainEvent.of(ReservationEvents.CHANGED, r.organisationId(), Json.MAPPER.valueToTree(new ReservationEvents.Changed(later, List.of("guestName"))), w.clock.instant());
        handler.handleRequest(SqsEvents.batch(renamed), new TestContext());
        assertThat(w.stay(r.reservationId()).getValidUntil()).isEqualTo(CLOSES.toString());

        var moved = app.domus.shared.events.DomainEvent.of(ReservationEvents.CHANGED, r.organisationId(), Json.MAPPER.valueToTree(new ReservationEvents.Changed(later, List.of("checkOut"))), w.clock.instant());
        handler.handleRequest(SqsEvents.batch(moved), new TestContext());
        assertThat(w.stay(r.reservationId()).getValidUntil()).isEqualTo("2026-03-14T10:00:00Z");

        ReservationEvents.Snapshot earlier = new ReservationEvents.Snapshot(r.reservationId(), r.organisationId(), r.buildingId(), r.unitId(),
                r.channel(), r.channelReservationId(), r.status(), "2026-03-09", "2026-03-14", "Gina", r.guestEmail(), r.guests());
        var movedIn = app.domus.shared.events.DomainEvent.of(ReservationEvents.CHANGED, r.organisationId(), Json.MAPPER.valueToTree(new ReservationEvents.Changed(earlier, List.of("checkIn"))), w.clock.instant());
        handler.handleRequest(SqsEvents.batch(movedIn), new TestContext());
        assertThat(w.stay(r.reservationId()).getValidFrom()).isEqualTo("2026-03-09T14:00:00Z");
    }

    @Test
    void theScheduleResumesWhatIsDueByItsTime() {
        assertThat(ResumeStaysHandler.dueBy(null)).isEqualTo(Instant.EPOCH);
        assertThat(ResumeStaysHandler.dueBy(Map.of())).isEqualTo(Instant.EPOCH);
        assertThat(ResumeStaysHandler.dueBy(Map.of("scheduledTime", "2026-03-10T00:05:00Z"))).isEqualTo(Instant.parse("2026-03-10T00:05:00Z"));
        assertThatThrownBy(() -> ResumeStaysHandler.dueBy(Map.of("scheduledTime", "yesterday"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");

        ReservationEvents.Snapshot r = started();
        w.stays.register(caller(w.mia), r.reservationId(), registration());
        var handler = new ResumeStaysHandler(w.saga);
        Map<String, Object> early = new HashMap<>();
        early.put("scheduledTime", w.clock.instant().minusSeconds(60).toString());
        assertThat(handler.handleRequest(early, new TestContext())).isEqualTo(Map.of("advanced", 1));
        assertThat(w.police.calls).containsExactly("submit " + r.reservationId());
        w.clock.advance(Duration.ofSeconds(30));
        assertThat(handler.handleRequest(Map.of("scheduledTime", w.clock.instant().plus(Duration.ofMinutes(2)).toString()), new TestContext()))
                .as("the next check of the submission is due one minute after it").isEqualTo(Map.of("advanced", 1));
        assertThat(w.police.calls).hasSize(2);
    }

    @Test
    void theManagersAreToldOfAStaysStepsInWords() {
        var handler = new StayNoticesHandler(w.idempotency, w.access, w.notifications);
        w.locks.offline.add(StaysFixture.LOCK);
        ReservationEvents.Snapshot r = started();
        w.clock.set(OPENS.plusSeconds(60));
        w.stays.checkIn(presence(r), null);
        var checkedIn = w.events.ofType(StayEvents.CHECKED_IN).getFirst();

        assertThat(SqsEvents.failed(handler.handleRequest(SqsEvents.batch(checkedIn), new TestContext()))).isEmpty();
        List<NotificationRequest> sent = w.notifications.ofTemplate("guest-checked-in");
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(w.mia);
            assertThat(n.data()).containsEntry("reservationId", r.reservationId()).containsEntry("unitId", w.unit.getId())
                    .containsEntry("guestName", "Gina Guest").containsEntry("stay", "2026-03-10 to 2026-03-13")
                    .containsEntry("lock", "The lock is offline: The lock is offline: the guest has the code, and it goes onto the lock when the lock is back.");
            assertThat(n.id()).startsWith("stay:" + StayEvents.CHECKED_IN + ":" + r.reservationId() + ":").endsWith(":" + w.mia);
        });

        var inStep = new StayEvents.Stay(StayEvents.CHECKED_OUT, r.reservationId(), w.org, w.building.getId(), w.unit.getId(), null, "2026-03-10",
                "2026-03-13", StaySaga.REVOKED, null, StaySaga.CHECKED_IN, StaySaga.CHECKED_OUT, null, "2026-03-13T09:00:00Z");
        var event = app.domus.shared.events.DomainEvent.of(StayEvents.CHECKED_OUT, w.org, Json.MAPPER.valueToTree(inStep), w.clock.instant());
        handler.handleRequest(SqsEvents.batch(event), new TestContext());
        assertThat(w.notifications.ofTemplate("guest-checked-out")).singleElement().satisfies(n -> {
            assertThat(n.data()).containsEntry("guestName", "the guest").containsEntry("lock", "The lock is in step.").containsEntry("reason", "");
            assertThat(n.id()).isEqualTo("stay:" + StayEvents.CHECKED_OUT + ":" + r.reservationId() + ":2026-03-13T09:00:00Z:" + w.mia);
        });
        assertThat(StayNoticesHandler.TEMPLATES).containsEntry(StayEvents.REGISTRATION_REJECTED, "guest-registration-rejected");
    }
}
