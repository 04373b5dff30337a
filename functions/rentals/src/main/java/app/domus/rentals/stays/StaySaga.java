package app.domus.rentals.stays;

import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.LockResult;
import app.domus.rentals.partners.PartnerException;
import app.domus.rentals.police.GuestRegistration;
import app.domus.rentals.police.PoliceGateway;
import app.domus.rentals.police.SubmissionStatus;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.rentals.reservations.ReservationItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What follows a reservation across the partners, as a saga whose state is the {@link StayItem}: the keypad code put
 * on the unit's lock for the stay's window, the guests' registration with the police portal, the welcome message,
 * then check-in and check-out. Each step is taken when its turn comes and, when a partner cannot take it now (a lock
 * offline, a portal down, an answer still in process), left pending in the stay's item with a time for the next
 * attempt, which {@link #resume} takes (the ResumeStays schedule). A step is taken under a lease on the stay (its
 * {@code nextAttemptAt} moved ahead at its version), so two runs never call a partner for the same step at once.
 *
 * <p>Compensations (see TABLE_DESIGN, "the stay saga"): a cancelled reservation revokes the keypad code (at once, or
 * when the lock is back) and withdraws the registration (a submission in process is cancelled, an accepted one is
 * withdrawn by a cancellation the portal accepts in turn; a rejected one registered nothing) and deletes the ID images.
 * A police rejection does not touch the lock: the guest keeps the code, the manager is told the portal's reason and
 * corrects the registration, which is resubmitted. A lock that is offline at check-in does not stop the check-in: the
 * guest is given the code, the check-in is {@code pending_lock_sync} until the lock confirms the code, and the
 * manager is told of both.
 */
public class StaySaga {
    private static final Logger LOG = LoggerFactory.getLogger(StaySaga.class);

    public static final String ACTIVE = "active", CANCELLED = "cancelled";
    // lockStatus
    public static final String NO_LOCK = "none", LOCK_PENDING = "pending", LOCK_ACTIVE = "active", REVOKE_PENDING = "revoke_pending",
            REVOKED = "revoked", LOCK_FAILED = "failed",
            /** The stay's dates moved: the code on the lock has the old window; it comes off and goes back on with the new one. */
            CODE_MOVING = "moving";
    // registrationStatus
    public static final String NOT_REQUIRED = "not_required", AWAITING_GUESTS = "awaiting_guests", PENDING = "pending",
            SUBMITTED = "submitted", ACCEPTED = "accepted", REJECTED = "rejected", WITHDRAWAL_PENDING = "withdrawal_pending",
            WITHDRAWING = "withdrawing", WITHDRAWN = "withdrawn", NOT_SUBMITTED = "not_submitted", FAILED = "failed";
    // checkInStatus / checkOutStatus
    public static final String CHECKED_IN = "checked_in", CHECKED_OUT = "checked_out", PENDING_LOCK_SYNC = "pending_lock_sync";

    public static final String WELCOME_TEMPLATE = "stay-welcome";
    static final LocalTime DEFAULT_CHECK_IN = LocalTime.of(15, 0), DEFAULT_CHECK_OUT = LocalTime.of(11, 0);
    /** How long a run holds a stay's step before another run may take it again (a crashed run's lease runs out). */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1), LAST_RETRY = Duration.ofHours(1);
    static final int CODE_DRAWS = 8;

    private final DomusTable table;
    private final Outbox outbox;
    private final LockGateway locks;
    private final PoliceGateway police;
    private final GuestDocuments documents;
    private final AccessCodes codes;
    private final NotificationSender notifications;
    private final Clock clock;
    private final String checkInUrl;

    public StaySaga(DomusTable table, Outbox outbox, LockGateway locks, PoliceGateway police, GuestDocuments documents, AccessCodes codes,
                    NotificationSender notifications, Clock clock, String checkInUrl) {
        this.table = table;
        this.outbox = outbox;
        this.locks = locks;
        this.police = police;
        this.documents = documents;
        this.codes = codes;
        this.notifications = notifications;
        this.clock = clock;
        this.checkInUrl = checkInUrl;
    }

    AccessCodes codes() {
        return codes;
    }

    LockGateway locks() {
        return locks;
    }

    public Optional<StayItem> find(String reservationId) {
        return table.get(StayItem.class, StayItem.pk(reservationId), StayItem.SK);
    }

    Optional<RentalSetupItem> setup(String unitId) {
        return table.get(RentalSetupItem.class, RentalSetupItem.pk(unitId), RentalSetupItem.SK);
    }

    // ---- ReservationCreated -------------------------------------------------------------------------------------------

    /**
     * Starts the stay of a new reservation: its codes drawn (the keypad code unique on the lock while valid), the stay
     * stored, the welcome message sent, then the keypad code put on the lock. Again for the same reservation it sends
     * the same welcome (the notifier keeps one) and takes any pending step; a cancelled reservation starts nothing.
     */
    public void start(ReservationEvents.Snapshot reservation) {
        StayItem stay = find(reservation.reservationId()).orElseGet(() -> create(reservation));
        if (CANCELLED.equals(stay.getStatus())) return;
        welcome(stay);
        if (due(stay)) advance(stay);
    }

    private StayItem create(ReservationEvents.Snapshot r) {
        Optional<RentalSetupItem> setup = setup(r.unitId());
        ZoneId zone = setup.map(RentalSetupItem::getTimeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        LocalTime in = setup.map(RentalSetupItem::getCheckInTime).map(LocalTime::parse).orElse(DEFAULT_CHECK_IN);
        LocalTime out = setup.map(RentalSetupItem::getCheckOutTime).map(LocalTime::parse).orElse(DEFAULT_CHECK_OUT);
        String now = clock.instant().toString();
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            StayItem s = new StayItem();
            s.setPk(StayItem.pk(r.reservationId()));
            s.setSk(StayItem.SK);
            s.setReservationId(r.reservationId());
            s.setOrganisationId(r.organisationId());
            s.setBuildingId(r.buildingId());
            s.setUnitId(r.unitId());
            s.setStatus(ACTIVE);
            s.setGuestName(r.guestName());
            s.setGuestEmail(r.guestEmail());
            s.setCheckIn(r.checkIn());
            s.setCheckOut(r.checkOut());
            s.setValidFrom(LocalDate.parse(r.checkIn()).atTime(in).atZone(zone).toInstant().toString());
            s.setValidUntil(LocalDate.parse(r.checkOut()).atTime(out).atZone(zone).toInstant().toString());
            s.setCodeNonce(codes.newNonce());
            s.setAccessCodeHash(codes.hash(r.reservationId(), codes.accessCode(r.reservationId(), s.getCodeNonce())));
            s.setLockId(setup.map(RentalSetupItem::getLockId).orElse(null));
            s.setLockStatus(s.getLockId() == null ? NO_LOCK : LOCK_PENDING);
            s.setEstablishmentCode(setup.map(RentalSetupItem::getEstablishmentCode).orElse(null));
            s.setRegistrationStatus(s.getEstablishmentCode() == null ? NOT_REQUIRED : AWAITING_GUESTS);
            s.setAttempts(0);
            s.setCreatedAt(now);
            s.setUpdatedAt(now);
            if (s.getLockId() != null) schedule(s, clock.instant());
            var transaction = TransactWriteItemsEnhancedRequest.builder().addPutItem(table.of(StayItem.class), s);
            if (s.getLockId() != null) {
                LockCodeItem claim = new LockCodeItem();
                String keypadHash = codes.hash("lock|" + s.getLockId(), codes.keypadCode(s.getReservationId(), s.getCodeNonce()));
                claim.setPk(LockCodeItem.pk(s.getLockId()));
                claim.setSk(LockCodeItem.sk(keypadHash));
                claim.setLockId(s.getLockId());
                claim.setReservationId(s.getReservationId());
                claim.setValidUntil(s.getValidUntil());
                claim.setTtl(Instant.parse(s.getValidUntil()).plus(Duration.ofDays(1)).getEpochSecond());
                s.setLockCodeClaim(claim.getSk());
                transaction.addPutItem(table.of(LockCodeItem.class), claim);
            }
            try {
                table.client().transactWriteItems(transaction.build());
                s.setVersion(1L);
                return s;
            } catch (TransactionCanceledException e) {
                Optional<StayItem> raced = find(r.reservationId());
                if (raced.isPresent()) return raced.get();
                LOG.info("Keypad code drawn for reservation {} is in use on lock {}; drawing again", r.reservationId(), s.getLockId());
            }
        }
        throw new IllegalStateException("No free keypad code on lock after " + CODE_DRAWS + " draws for reservation " + r.reservationId());
    }

    private void welcome(StayItem s) {
        if (s.getGuestEmail() == null) return;
        ZoneId zone = setup(s.getUnitId()).map(RentalSetupItem::getTimeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("guestName", s.getGuestName() == null ? "guest" : s.getGuestName());
        data.put("reservationId", s.getReservationId());
        data.put("accessCode", codes.accessCode(s.getReservationId(), s.getCodeNonce()));
        data.put("checkIn", s.getCheckIn());
        data.put("checkOut", s.getCheckOut());
        data.put("checkInFrom", Instant.parse(s.getValidFrom()).atZone(zone).toLocalTime().toString());
        data.put("checkOutBy", Instant.parse(s.getValidUntil()).atZone(zone).toLocalTime().toString());
        data.put("checkInUrl", checkInUrl);
        notifications.send(new NotificationRequest("stay-welcome:" + s.getReservationId(), null, s.getGuestEmail(), Category.RENTALS,
                WELCOME_TEMPLATE, data));
    }

    // ---- ReservationChanged -------------------------------------------------------------------------------------------

    /**
     * A reservation whose dates moved: the stay's window follows (the check-in and check-out times of the unit), the
     * keypad code is put back on the lock with it, the code's claim on the lock lasts as long, and a registration the
     * portal has (or is processing) is resubmitted with the new dates. The access code stays the same.
     */
    public void reschedule(ReservationEvents.Snapshot reservation) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StayItem> found = find(reservation.reservationId());
            if (found.isEmpty()) {
                start(reservation); // its start was not handled yet: it starts with the new dates
                return;
            }
            StayItem s = found.get();
            if (!ACTIVE.equals(s.getStatus())) return;
            Optional<RentalSetupItem> setup = setup(s.getUnitId());
            ZoneId zone = setup.map(RentalSetupItem::getTimeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
            LocalTime in = setup.map(RentalSetupItem::getCheckInTime).map(LocalTime::parse).orElse(DEFAULT_CHECK_IN);
            LocalTime out = setup.map(RentalSetupItem::getCheckOutTime).map(LocalTime::parse).orElse(DEFAULT_CHECK_OUT);
            String from = LocalDate.parse(reservation.checkIn()).atTime(in).atZone(zone).toInstant().toString();
            String until = LocalDate.parse(reservation.checkOut()).atTime(out).atZone(zone).toInstant().toString();
            if (from.equals(s.getValidFrom()) && until.equals(s.getValidUntil())) return;
            String now = clock.instant().toString();
            s.setCheckIn(reservation.checkIn());
            s.setCheckOut(reservation.checkOut());
            s.setValidFrom(from);
            s.setValidUntil(until);
            if (LOCK_ACTIVE.equals(s.getLockStatus())) s.setLockStatus(CODE_MOVING);
            if (SUBMITTED.equals(s.getRegistrationStatus()) || ACCEPTED.equals(s.getRegistrationStatus())) {
                s.setPreviousSubmissionId(s.getSubmissionId());
                s.setRegistrationStatus(PENDING);
            }
            s.setAttempts(0);
            s.setUpdatedAt(now);
            schedule(s, clock.instant());
            var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(StayItem.class), s);
            if (s.getLockCodeClaim() != null) {
                table.get(LockCodeItem.class, LockCodeItem.pk(s.getLockId()), s.getLockCodeClaim()).ifPresent(claim -> {
                    claim.setValidUntil(until);
                    claim.setTtl(Instant.parse(until).plus(Duration.ofDays(1)).getEpochSecond());
                    transaction.addUpdateItem(table.of(LockCodeItem.class), claim);
                });
            }
            try {
                table.client().transactWriteItems(transaction.build());
            } catch (TransactionCanceledException e) {
                continue;
            }
            s.setVersion(s.getVersion() + 1);
            if (due(s)) advance(s);
            return;
        }
        throw new IllegalStateException("The stay of reservation " + reservation.reservationId() + " kept changing while its dates moved");
    }

    // ---- ReservationCancelled -------------------------------------------------------------------------------------------

    /** The compensations of a cancelled reservation, begun at once and finished by {@link #resume} where a partner must wait. */
    public void cancel(ReservationEvents.Snapshot reservation) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StayItem> found = find(reservation.reservationId());
            String now = clock.instant().toString();
            if (found.isEmpty()) {
                // Cancelled before its start was handled: a closed stay, so that a late start does nothing.
                StayItem closed = new StayItem();
                closed.setPk(StayItem.pk(reservation.reservationId()));
                closed.setSk(StayItem.SK);
                closed.setReservationId(reservation.reservationId());
                closed.setOrganisationId(reservation.organisationId());
                closed.setBuildingId(reservation.buildingId());
                closed.setUnitId(reservation.unitId());
                closed.setStatus(CANCELLED);
                closed.setLockStatus(NO_LOCK);
                closed.setRegistrationStatus(NOT_SUBMITTED);
                closed.setCreatedAt(now);
                closed.setUpdatedAt(now);
                closed.setCancelledAt(now);
                try {
                    table.of(StayItem.class).putItem(closed);
                    return;
                } catch (ConditionalCheckFailedException e) {
                    continue;
                }
            }
            StayItem s = found.get();
            if (CANCELLED.equals(s.getStatus())) return;
            s.setStatus(CANCELLED);
            s.setCancelledAt(now);
            s.setUpdatedAt(now);
            if (LOCK_PENDING.equals(s.getLockStatus()) || LOCK_ACTIVE.equals(s.getLockStatus()) || CODE_MOVING.equals(s.getLockStatus())) {
                s.setLockStatus(REVOKE_PENDING);
            }
            switch (s.getRegistrationStatus()) {
                case SUBMITTED, ACCEPTED -> s.setRegistrationStatus(WITHDRAWAL_PENDING);
                case AWAITING_GUESTS, PENDING, REJECTED -> s.setRegistrationStatus(NOT_SUBMITTED);
                default -> { }
            }
            s.setAttempts(0);
            schedule(s, clock.instant());
            var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(StayItem.class), s);
            if (!pending(s)) closed(transaction, s);
            try {
                table.client().transactWriteItems(transaction.build());
            } catch (TransactionCanceledException e) {
                continue;
            }
            s.setVersion(s.getVersion() + 1);
            forgetDocuments(s.getReservationId());
            if (pending(s)) advance(s);
            return;
        }
        throw new IllegalStateException("The stay of reservation " + reservation.reservationId() + " kept changing while it was cancelled");
    }

    // ---- the schedule ---------------------------------------------------------------------------------------------------

    /** Takes every stay step that is due now; answers how many stays were advanced. */
    public int resume() {
        return resume(clock.instant());
    }

    /**
     * Takes every stay step due by {@code dueBy} (ResumeStays, every five minutes, for the time it was scheduled for: a
     * run fired as at a later time takes the steps due by then, which only brings their partner calls forward).
     */
    public int resume(Instant dueBy) {
        Instant now = dueBy.isAfter(clock.instant()) ? dueBy : clock.instant();
        int advanced = 0;
        for (StayItem s : table.allInIndex(StayItem.class, StayItem.GSI1, StayItem.PENDING)) {
            if (s.getNextAttemptAt() != null && Instant.parse(s.getNextAttemptAt()).isAfter(now)) continue;
            try {
                if (advance(s)) advanced++;
            } catch (RuntimeException e) {
                // One stay's failure must not hold up the others; it stays pending and is tried again next run.
                LOG.error("Stay of reservation {} could not be advanced", s.getReservationId(), e);
            }
        }
        return advanced;
    }

    /**
     * Takes the stay's pending steps once each, under a lease; answers false when another run holds it. The stay's
     * new state, with the events of what happened, is written at the version the lease left.
     */
    boolean advance(StayItem stay) {
        StayItem s = lease(stay);
        if (s == null) return false;
        List<Runnable> afterCommit = new ArrayList<>();
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        boolean progressed = false;
        Instant retryAt = null;
        String now = clock.instant().toString();

        // The keypad code on the lock, or its revocation.
        try {
            if (CODE_MOVING.equals(s.getLockStatus()) && revokeCode(s)) {
                // Off with the old window; back on with the new one just below.
                s.setLockAuthId(null);
                s.setLockStatus(LOCK_PENDING);
            }
            if (LOCK_PENDING.equals(s.getLockStatus()) && ACTIVE.equals(s.getStatus())) {
                LockResult result = putCode(s);
                if (result instanceof LockResult.Applied applied) {
                    s.setLockStatus(LOCK_ACTIVE);
                    s.setLockAuthId(applied.authId());
                    progressed = true;
                } else if (result instanceof LockResult.Offline offline) {
                    retryAt = earliest(retryAt, clock.instant().plus(offline.retryAfter()));
                }
            } else if (REVOKE_PENDING.equals(s.getLockStatus())) {
                if (revokeCode(s)) {
                    s.setLockStatus(REVOKED);
                    progressed = true;
                    if (PENDING_LOCK_SYNC.equals(s.getCheckOutStatus())) {
                        s.setCheckOutStatus(CHECKED_OUT);
                        event(transaction, StayEvents.LOCK_SYNCED, s, "the keypad code was revoked", now);
                    }
                }
            }
            if (PENDING_LOCK_SYNC.equals(s.getCheckInStatus()) && LOCK_ACTIVE.equals(s.getLockStatus())) {
                // The code is on the lock once the lock, online again, shows it (a code just put there was just shown).
                LockResult shown = progressed ? new LockResult.Applied(s.getLockAuthId()) : locks.findCode(s.getLockId(), s.getReservationId());
                if (shown instanceof LockResult.Applied) {
                    s.setCheckInStatus(CHECKED_IN);
                    event(transaction, StayEvents.LOCK_SYNCED, s, "the keypad code is on the lock", now);
                    progressed = true;
                } else if (shown instanceof LockResult.Offline offline) {
                    retryAt = earliest(retryAt, clock.instant().plus(offline.retryAfter()));
                }
            }
        } catch (PartnerException.Unavailable e) {
            s.setLastError("smart lock: " + e.getMessage());
        } catch (PartnerException e) {
            s.setLockStatus(LOCK_FAILED);
            s.setLastError("smart lock: " + e.getMessage());
            event(transaction, StayEvents.STEP_FAILED, s, "The smart lock refused the keypad code: " + e.getMessage(), now);
            progressed = true;
        }

        // The police registration.
        try {
            switch (s.getRegistrationStatus()) {
                case PENDING -> {
                    if (ACTIVE.equals(s.getStatus())) {
                        progressed |= submit(s, transaction, now);
                    }
                }
                case SUBMITTED -> progressed |= poll(s, transaction, afterCommit, now);
                case WITHDRAWAL_PENDING -> progressed |= withdraw(s);
                case WITHDRAWING -> progressed |= pollWithdrawal(s, transaction, now);
                default -> { }
            }
        } catch (PartnerException.Unavailable e) {
            s.setLastError("police portal: " + e.getMessage());
        } catch (PartnerException e) {
            s.setRegistrationStatus(FAILED);
            s.setLastError("police portal: " + e.getMessage());
            event(transaction, StayEvents.STEP_FAILED, s, "The police portal refused the registration: " + e.getMessage(), now);
            progressed = true;
        }

        if (CANCELLED.equals(s.getStatus()) && !pending(s)) closed(transaction, s);
        s.setAttempts(progressed ? 0 : s.getAttempts() == null ? 1 : s.getAttempts() + 1);
        Instant next = clock.instant().plus(backoff(s.getAttempts()));
        schedule(s, retryAt != null && retryAt.isBefore(next) ? retryAt : next);
        s.setUpdatedAt(now);
        transaction.addUpdateItem(table.of(StayItem.class), s);
        table.client().transactWriteItems(transaction.build());
        s.setVersion(s.getVersion() + 1);
        afterCommit.forEach(Runnable::run);
        return true;
    }

    LockResult putCode(StayItem s) {
        return locks.createCode(s.getLockId(), s.getReservationId(), codes.keypadCode(s.getReservationId(), s.getCodeNonce()),
                Instant.parse(s.getValidFrom()), Instant.parse(s.getValidUntil()));
    }

    /** Whether the stay's code is off the lock now. */
    boolean revokeCode(StayItem s) {
        String authId = s.getLockAuthId();
        if (authId == null) {
            LockResult found = locks.findCode(s.getLockId(), s.getReservationId());
            if (found instanceof LockResult.Offline) return false;
            if (!(found instanceof LockResult.Applied applied)) return true; // never reached the lock
            authId = applied.authId();
        }
        return locks.revokeCode(s.getLockId(), authId) instanceof LockResult.Applied;
    }

    private boolean submit(StayItem s, TransactWriteItemsEnhancedRequest.Builder transaction, String now) {
        Optional<GuestRegistrationItem> item = table.get(GuestRegistrationItem.class, StayItem.pk(s.getReservationId()), GuestRegistrationItem.SK);
        if (item.isEmpty()) {
            s.setRegistrationStatus(AWAITING_GUESTS);
            return true;
        }
        GuestRegistration registration = registration(s, item.get());
        SubmissionStatus status;
        try {
            status = s.getPreviousSubmissionId() == null ? police.submit(registration) : police.resubmit(s.getPreviousSubmissionId(), registration);
        } catch (PartnerException.Invalid e) {
            // The portal refused the form at once: like a rejection, for the manager to correct.
            s.setRegistrationStatus(REJECTED);
            s.setRejectionReason(e.reason());
            history(s, "refused " + e.reason(), now);
            event(transaction, StayEvents.REGISTRATION_REJECTED, s, e.reason(), now);
            return true;
        }
        s.setSubmissionId(status.submissionId());
        s.setRejectionReason(null);
        s.setRegistrationStatus(SUBMITTED);
        history(s, "submitted " + status.submissionId(), now);
        event(transaction, StayEvents.REGISTRATION_SUBMITTED, s, null, now);
        return true;
    }

    private boolean poll(StayItem s, TransactWriteItemsEnhancedRequest.Builder transaction, List<Runnable> afterCommit, String now) {
        SubmissionStatus status = police.status(s.getSubmissionId());
        switch (status.state()) {
            case ACCEPTED -> {
                s.setRegistrationStatus(ACCEPTED);
                s.setCommunicationCode(status.communicationCode());
                s.setPreviousSubmissionId(null);
                history(s, "accepted " + s.getSubmissionId() + " as " + status.communicationCode(), now);
                event(transaction, StayEvents.REGISTRATION_ACCEPTED, s, null, now);
                // The ID images are not kept once the portal has the registration.
                String reservationId = s.getReservationId();
                afterCommit.add(() -> forgetDocuments(reservationId));
                return true;
            }
            case REJECTED -> {
                s.setRegistrationStatus(REJECTED);
                s.setRejectionReason(status.reason());
                s.setPreviousSubmissionId(s.getSubmissionId());
                history(s, "rejected " + s.getSubmissionId() + ": " + status.reason(), now);
                event(transaction, StayEvents.REGISTRATION_REJECTED, s, status.reason(), now);
                return true;
            }
            case WITHDRAWN -> {
                s.setRegistrationStatus(WITHDRAWN);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean withdraw(StayItem s) {
        SubmissionStatus status = police.withdraw(s.getSubmissionId());
        switch (status.state()) {
            case SUBMITTED -> {
                s.setWithdrawalId(status.submissionId());
                s.setRegistrationStatus(WITHDRAWING);
            }
            default -> s.setRegistrationStatus(WITHDRAWN); // cancelled in process, or a rejected one that registered nothing
        }
        return true;
    }

    private boolean pollWithdrawal(StayItem s, TransactWriteItemsEnhancedRequest.Builder transaction, String now) {
        SubmissionStatus status = police.status(s.getWithdrawalId());
        switch (status.state()) {
            case ACCEPTED, WITHDRAWN -> {
                s.setRegistrationStatus(WITHDRAWN);
                return true;
            }
            case REJECTED -> {
                s.setRegistrationStatus(FAILED);
                s.setLastError("police portal refused the withdrawal: " + status.reason());
                event(transaction, StayEvents.STEP_FAILED, s, "The police portal refused to withdraw the registration: " + status.reason(), now);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    GuestRegistration registration(StayItem s, GuestRegistrationItem item) {
        List<GuestRegistration.Guest> guests;
        try {
            guests = Json.MAPPER.readValue(item.getGuests(), new TypeReference<List<GuestRegistration.Guest>>() {});
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The stored guests of " + s.getReservationId() + " do not read back", e);
        }
        Optional<RentalSetupItem> setup = setup(s.getUnitId());
        ReservationItem reservation = table.get(ReservationItem.class, ReservationItem.pk(s.getReservationId()), ReservationItem.SK).orElse(null);
        LocalDate contract = reservation == null || reservation.getCreatedAt() == null ? LocalDate.parse(s.getCheckIn())
                : Instant.parse(reservation.getCreatedAt()).atZone(ZoneId.of("UTC")).toLocalDate();
        LocalTime arrival = setup.map(RentalSetupItem::getCheckInTime).map(LocalTime::parse).orElse(DEFAULT_CHECK_IN);
        boolean internet = setup.map(RentalSetupItem::getWifiNetwork).isPresent();
        return new GuestRegistration(s.getEstablishmentCode(), s.getReservationId(), contract, LocalDate.parse(s.getCheckIn()), arrival,
                LocalDate.parse(s.getCheckOut()), 1, internet, item.getPaymentType() == null ? "PLATF" : item.getPaymentType(), guests);
    }

    private void forgetDocuments(String reservationId) {
        table.get(GuestRegistrationItem.class, StayItem.pk(reservationId), GuestRegistrationItem.SK).ifPresent(item -> {
            if (item.getDocumentKeys() == null || item.getDocumentKeys().isEmpty()) return;
            documents.delete(item.getDocumentKeys());
            item.setDocumentKeys(null);
            try {
                table.of(GuestRegistrationItem.class).updateItem(item);
            } catch (ConditionalCheckFailedException e) {
                // A correction came in between with new images: those belong to the new submission.
                LOG.info("Guest registration of {} changed while its images were deleted", reservationId);
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /** The stay at a new version whose {@code nextAttemptAt} is a lease's end; null when another run changed it first. */
    private StayItem lease(StayItem s) {
        schedule(s, clock.instant().plus(LEASE));
        try {
            table.of(StayItem.class).updateItem(s);
            s.setVersion(s.getVersion() + 1);
            return s;
        } catch (ConditionalCheckFailedException e) {
            return null;
        }
    }

    /** Whether a step of the stay waits for a partner. */
    static boolean pending(StayItem s) {
        return LOCK_PENDING.equals(s.getLockStatus()) && ACTIVE.equals(s.getStatus()) || REVOKE_PENDING.equals(s.getLockStatus())
                || CODE_MOVING.equals(s.getLockStatus())
                || PENDING_LOCK_SYNC.equals(s.getCheckInStatus()) || PENDING_LOCK_SYNC.equals(s.getCheckOutStatus())
                || List.of(PENDING, SUBMITTED, WITHDRAWAL_PENDING, WITHDRAWING).contains(s.getRegistrationStatus());
    }

    private boolean due(StayItem s) {
        return pending(s) && (s.getNextAttemptAt() == null || !Instant.parse(s.getNextAttemptAt()).isAfter(clock.instant()));
    }

    /** In the pending index at {@code at} while a step waits, out of it otherwise. */
    static void schedule(StayItem s, Instant at) {
        if (pending(s)) {
            s.setNextAttemptAt(at.toString());
            s.setGsi1pk(StayItem.PENDING);
            s.setGsi1sk(at + "#" + s.getReservationId());
        } else {
            s.setNextAttemptAt(null);
            s.setGsi1pk(null);
            s.setGsi1sk(null);
        }
    }

    /** Exponential, 1 minute doubling to an hour, with half of it jittered so that stays failing together spread out. */
    static Duration backoff(Integer attempts) {
        int n = attempts == null ? 0 : Math.min(attempts, 10);
        long ceiling = Math.min(LAST_RETRY.toMillis(), FIRST_RETRY.toMillis() << n);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static void history(StayItem s, String what, String now) {
        List<String> h = new ArrayList<>(s.getSubmissions() == null ? List.of() : s.getSubmissions());
        h.add(now + " " + what);
        s.setSubmissions(h.size() > 20 ? h.subList(h.size() - 20, h.size()) : h);
    }

    void event(TransactWriteItemsEnhancedRequest.Builder transaction, String type, StayItem s, String reason, String now) {
        outbox.add(transaction, type, s.getOrganisationId(), s.getReservationId(), StayEvents.Stay.of(type, s, reason, now));
    }

    private void closed(TransactWriteItemsEnhancedRequest.Builder transaction, StayItem s) {
        event(transaction, StayEvents.STAY_CLOSED, s, null, clock.instant().toString());
    }
}
