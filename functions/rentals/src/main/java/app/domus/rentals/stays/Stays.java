package app.domus.rentals.stays;

import app.domus.rentals.locks.LockResult;
import app.domus.rentals.partners.PartnerException;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A stay as people touch it: the manager sets a unit up for short stays and registers a stay's guests (corrections
 * too); the manager and the unit's owners read where the stay's steps stand; the guest, with no account, checks in and
 * out with the reservation's id and the access code of the welcome message. Guessing codes is held off by two limits:
 * {@value #ATTEMPTS_PER_STAY} attempts per reservation and {@value #ATTEMPTS_PER_ADDRESS} per source address in
 * {@link #ATTEMPT_WINDOW}; a wrong code and an unknown reservation get the same answer.
 */
public class Stays {
    private static final Logger LOG = LoggerFactory.getLogger(Stays.class);
    static final int ATTEMPTS_PER_STAY = 10;
    static final int ATTEMPTS_PER_ADDRESS = 30;
    static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);

    public record Wifi(String network, String password) {}

    /** What a guest is given at check-in; {@code lockCode} is the keypad code, valid until {@code checkOutBy}. */
    public record CheckInView(String reservationId, String status, String checkedInAt, String lockCode, Wifi wifiInfo, String instructions,
                              String checkOutBy) {}

    public record CheckOutView(String reservationId, String status, String checkedOutAt) {}

    public record SetupView(String unitId, String lockId, String establishmentCode, String checkInTime, String checkOutTime, String timeZone,
                            String wifiNetwork, boolean wifiPasswordSet, String instructions, String updatedAt) {
        static SetupView of(RentalSetupItem s) {
            return new SetupView(s.getUnitId(), s.getLockId(), s.getEstablishmentCode(), s.getCheckInTime(), s.getCheckOutTime(), s.getTimeZone(),
                    s.getWifiNetwork(), s.getWifiPassword() != null, s.getInstructions(), s.getUpdatedAt());
        }
    }

    /** Where a stay's steps stand; never a code. */
    public record StayView(String reservationId, String unitId, String status, String validFrom, String validUntil, String lockId,
                           String lockStatus, String registrationStatus, String rejectionReason, String communicationCode,
                           List<String> submissions, int documentsKept, String checkInStatus, String checkedInAt, String checkOutStatus,
                           String checkedOutAt, String nextAttemptAt, String lastError) {}

    private final DomusTable table;
    private final AccessService access;
    private final Reservations reservations;
    private final StaySaga saga;
    private final GuestDocuments documents;
    private final RateLimiter limiter;
    private final Clock clock;

    public Stays(DomusTable table, AccessService access, Reservations reservations, StaySaga saga, GuestDocuments documents, RateLimiter limiter, Clock clock) {
        this.table = table;
        this.access = access;
        this.reservations = reservations;
        this.saga = saga;
        this.documents = documents;
        this.limiter = limiter;
        this.clock = clock;
    }

    // ---- the manager ---------------------------------------------------------------------------------------------------

    public SetupView setUp(Caller caller, String unitId, StayRequests.Setup request) {
        UnitItem unit = access.unit(caller, unitId, Action.MANAGE);
        RentalSetupItem item = table.get(RentalSetupItem.class, RentalSetupItem.pk(unitId), RentalSetupItem.SK).orElseGet(RentalSetupItem::new);
        item.setPk(RentalSetupItem.pk(unitId));
        item.setSk(RentalSetupItem.SK);
        item.setUnitId(unitId);
        item.setOrganisationId(unit.getOrganisationId());
        item.setBuildingId(unit.getBuildingId());
        item.setLockId(request.lockId());
        item.setEstablishmentCode(request.establishmentCode());
        item.setCheckInTime(request.checkInTime());
        item.setCheckOutTime(request.checkOutTime());
        item.setTimeZone(request.timeZone());
        item.setWifiNetwork(request.wifiNetwork());
        item.setWifiPassword(request.wifiPassword());
        item.setInstructions(request.instructions());
        item.setUpdatedAt(clock.instant().toString());
        item.setUpdatedBy(caller.userId());
        if (item.getVersion() == null) table.of(RentalSetupItem.class).putItem(item);
        else table.of(RentalSetupItem.class).updateItem(item);
        return SetupView.of(item);
    }

    public SetupView setup(Caller caller, String unitId) {
        readable(caller, unitId);
        return saga.setup(unitId).map(SetupView::of).orElseThrow(() -> ApiException.notFound("The unit's rental set-up"));
    }

    public StayView stay(Caller caller, String reservationId) {
        StayItem s = saga.find(reservationId).orElseThrow(() -> ApiException.notFound("The stay"));
        hideOutsiders(() -> readable(caller, s.getUnitId()), "The stay");
        return view(s);
    }

    /**
     * Stores the guests (and their ID images) and puts the registration on its way to the portal: a first one is
     * submitted, a correction resubmitted in place of the earlier submission.
     */
    public StayView register(Caller caller, String reservationId, StayRequests.Registration request) {
        StayItem s = saga.find(reservationId).orElseThrow(() -> ApiException.notFound("The stay"));
        hideOutsiders(() -> access.unit(caller, s.getUnitId(), Action.MANAGE), "The stay");
        if (StaySaga.CANCELLED.equals(s.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, "The reservation was cancelled");
        if (StaySaga.NOT_REQUIRED.equals(s.getRegistrationStatus()) || s.getEstablishmentCode() == null) {
            throw new ApiException(ProblemType.INVALID_STATE, "The unit has no police establishment code in its rental set-up: no registration is due");
        }
        if (StaySaga.FAILED.equals(s.getRegistrationStatus())) {
            throw new ApiException(ProblemType.INVALID_STATE, "The police portal refused this stay's registration for good: " + s.getLastError());
        }
        Optional<GuestRegistrationItem> existing = table.get(GuestRegistrationItem.class, StayItem.pk(reservationId), GuestRegistrationItem.SK);
        String now = clock.instant().toString();
        List<String> stored = new ArrayList<>();
        try {
            if (request.documents() != null) {
                int n = s.getSubmissions() == null ? 0 : s.getSubmissions().size();
                for (int i = 0; i < request.documents().size(); i++) {
                    StayRequests.Document d = request.documents().get(i);
                    StayRequests.DocumentFormat format = StayRequests.DocumentFormat.ofContentType(d.contentType());
                    stored.add(documents.put(s.getOrganisationId(), reservationId, now.replace(":", "") + "-" + n + "-" + i + "." + format.extension,
                            format.contentType, d.bytes()));
                }
            }
            GuestRegistrationItem item = existing.orElseGet(GuestRegistrationItem::new);
            List<String> replaced = item.getDocumentKeys() == null ? List.of() : item.getDocumentKeys();
            item.setPk(StayItem.pk(reservationId));
            item.setSk(GuestRegistrationItem.SK);
            item.setReservationId(reservationId);
            item.setGuests(Json.write(request.guests().stream().map(StayRequests.Guest::toGuest).toList()));
            item.setPaymentType(request.paymentType());
            item.setDocumentKeys(stored.isEmpty() ? null : List.copyOf(stored));
            item.setUpdatedAt(now);
            item.setUpdatedBy(caller.userId());
            switch (s.getRegistrationStatus()) {
                case StaySaga.SUBMITTED, StaySaga.ACCEPTED, StaySaga.REJECTED -> s.setPreviousSubmissionId(s.getSubmissionId());
                default -> { }
            }
            s.setRegistrationStatus(StaySaga.PENDING);
            s.setRejectionReason(null);
            s.setAttempts(0);
            s.setUpdatedAt(now);
            StaySaga.schedule(s, clock.instant());
            var transaction = TransactWriteItemsEnhancedRequest.builder();
            if (existing.isPresent()) transaction.addUpdateItem(table.of(GuestRegistrationItem.class), item);
            else transaction.addPutItem(table.of(GuestRegistrationItem.class), item);
            transaction.addUpdateItem(table.of(StayItem.class), s);
            try {
                table.client().transactWriteItems(transaction.build());
            } catch (TransactionCanceledException e) {
                throw new ApiException(ProblemType.CONFLICT, "The stay changed while its registration was stored; send it again");
            }
            s.setVersion(s.getVersion() + 1);
            stored.clear(); // kept: they are the registration's now
            if (!replaced.isEmpty()) documents.delete(replaced);
            return view(s);
        } finally {
            if (!stored.isEmpty()) {
                try {
                    documents.delete(stored);
                } catch (RuntimeException e) {
                    LOG.error("Guest document images of {} could not be removed after a failed registration", reservationId, e);
                }
            }
        }
    }

    // ---- the guest -----------------------------------------------------------------------------------------------------

    public CheckInView checkIn(StayRequests.Presence request, String sourceAddress) {
        StayItem s = verified(request, sourceAddress);
        Instant now = clock.instant();
        if (now.isBefore(Instant.parse(s.getValidFrom()))) {
            throw new ApiException(ProblemType.CHECK_IN_NOT_OPEN, "Check-in opens at " + local(s, s.getValidFrom()));
        }
        if (!now.isBefore(Instant.parse(s.getValidUntil()))) {
            throw new ApiException(ProblemType.ACCESS_CODE_EXPIRED, "The stay ended at " + local(s, s.getValidUntil()));
        }
        for (int attempt = 0; s.getCheckInStatus() == null; attempt++) {
            if (attempt == 3) throw new ApiException(ProblemType.CONFLICT, "The stay is changing; check in again in a moment");
            s.setCheckInStatus(activateLock(s) ? StaySaga.CHECKED_IN : StaySaga.PENDING_LOCK_SYNC);
            s.setCheckedInAt(now.toString());
            s.setUpdatedAt(now.toString());
            if (StaySaga.PENDING_LOCK_SYNC.equals(s.getCheckInStatus())) s.setAttempts(0);
            StaySaga.schedule(s, now.plus(StaySaga.FIRST_RETRY));
            var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(StayItem.class), s);
            saga.event(transaction, StayEvents.CHECKED_IN, s, StaySaga.PENDING_LOCK_SYNC.equals(s.getCheckInStatus())
                    ? "The lock is offline: the guest has the code, and it goes onto the lock when the lock is back" : null, now.toString());
            try {
                table.client().transactWriteItems(transaction.build());
                s.setVersion(s.getVersion() + 1);
            } catch (TransactionCanceledException e) {
                s = saga.find(s.getReservationId()).orElseThrow();
            }
        }
        RentalSetupItem setup = saga.setup(s.getUnitId()).orElse(null);
        String lockCode = s.getLockId() == null ? null : saga.codes().keypadCode(s.getReservationId(), s.getCodeNonce());
        Wifi wifi = setup == null || setup.getWifiNetwork() == null ? null : new Wifi(setup.getWifiNetwork(), setup.getWifiPassword());
        return new CheckInView(s.getReservationId(), s.getCheckInStatus(), s.getCheckedInAt(), lockCode, wifi,
                setup == null ? null : setup.getInstructions(), s.getValidUntil());
    }

    public CheckOutView checkOut(StayRequests.Presence request, String sourceAddress) {
        StayItem s = verified(request, sourceAddress);
        if (s.getCheckInStatus() == null) throw new ApiException(ProblemType.INVALID_STATE, "The guest has not checked in");
        Instant now = clock.instant();
        for (int attempt = 0; s.getCheckOutStatus() == null; attempt++) {
            if (attempt == 3) throw new ApiException(ProblemType.CONFLICT, "The stay is changing; check out again in a moment");
            boolean revoked = true;
            if (StaySaga.LOCK_ACTIVE.equals(s.getLockStatus()) || StaySaga.LOCK_PENDING.equals(s.getLockStatus())
                    || StaySaga.REVOKE_PENDING.equals(s.getLockStatus()) || StaySaga.CODE_MOVING.equals(s.getLockStatus())) {
                revoked = revokeNow(s);
                s.setLockStatus(revoked ? StaySaga.REVOKED : StaySaga.REVOKE_PENDING);
            }
            s.setCheckOutStatus(revoked ? StaySaga.CHECKED_OUT : StaySaga.PENDING_LOCK_SYNC);
            s.setCheckedOutAt(now.toString());
            s.setUpdatedAt(now.toString());
            s.setAttempts(0);
            StaySaga.schedule(s, now.plus(StaySaga.FIRST_RETRY));
            var transaction = TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table.of(StayItem.class), s);
            saga.event(transaction, StayEvents.CHECKED_OUT, s, revoked ? null
                    : "The lock is offline: the keypad code is revoked when the lock is back", now.toString());
            try {
                table.client().transactWriteItems(transaction.build());
                s.setVersion(s.getVersion() + 1);
            } catch (TransactionCanceledException e) {
                s = saga.find(s.getReservationId()).orElseThrow();
            }
        }
        return new CheckOutView(s.getReservationId(), s.getCheckOutStatus(), s.getCheckedOutAt());
    }

    /** The stay whose access code the guest gave, after the limits; a wrong code and an unknown reservation read alike. */
    private StayItem verified(StayRequests.Presence request, String sourceAddress) {
        limit("stay:" + request.reservationId(), ATTEMPTS_PER_STAY);
        if (sourceAddress != null) limit("stay-address:" + sourceAddress, ATTEMPTS_PER_ADDRESS);
        Optional<StayItem> found = saga.find(request.reservationId());
        if (found.isEmpty() || found.get().getAccessCodeHash() == null
                || !saga.codes().matches(request.reservationId(), request.accessCode(), found.get().getAccessCodeHash())) {
            throw new ApiException(ProblemType.INVALID_ACCESS_CODE, "Check the reservation number and the access code in your welcome message");
        }
        StayItem s = found.get();
        if (StaySaga.CANCELLED.equals(s.getStatus())) throw new ApiException(ProblemType.INVALID_STATE, "This reservation was cancelled");
        return s;
    }

    private void limit(String key, int attempts) {
        RateLimiter.Decision decision = limiter.hit(key, attempts, ATTEMPT_WINDOW);
        if (!decision.allowed()) {
            throw ApiException.tooManyRequests(ProblemType.TOO_MANY_REQUESTS, "Too many attempts; try again later", decision.retryAfter());
        }
    }

    /**
     * The lock at check-in: the keypad code put on it if it is not yet, then the door opened for the guest. False when
     * the lock cannot be reached now; the guest still has the code, which the saga puts on the lock when it is back.
     */
    private boolean activateLock(StayItem s) {
        if (s.getLockId() == null) return true;
        try {
            if (StaySaga.LOCK_PENDING.equals(s.getLockStatus())) {
                LockResult put = saga.putCode(s);
                if (!(put instanceof LockResult.Applied applied)) return false;
                s.setLockStatus(StaySaga.LOCK_ACTIVE);
                s.setLockAuthId(applied.authId());
            }
            return saga.locks().unlock(s.getLockId()) instanceof LockResult.Applied;
        } catch (PartnerException e) {
            LOG.warn("Lock {} not reached at the check-in of {}: {}", s.getLockId(), s.getReservationId(), e.getMessage());
            return false;
        }
    }

    private boolean revokeNow(StayItem s) {
        try {
            return saga.revokeCode(s);
        } catch (PartnerException e) {
            LOG.warn("Lock {} not reached at the check-out of {}: {}", s.getLockId(), s.getReservationId(), e.getMessage());
            return false;
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private StayView view(StayItem s) {
        int kept = table.get(GuestRegistrationItem.class, StayItem.pk(s.getReservationId()), GuestRegistrationItem.SK)
                .map(GuestRegistrationItem::getDocumentKeys).map(List::size).orElse(0);
        return new StayView(s.getReservationId(), s.getUnitId(), s.getStatus(), s.getValidFrom(), s.getValidUntil(), s.getLockId(),
                s.getLockStatus(), s.getRegistrationStatus(), s.getRejectionReason(), s.getCommunicationCode(),
                s.getSubmissions() == null ? List.of() : s.getSubmissions(), kept, s.getCheckInStatus(), s.getCheckedInAt(),
                s.getCheckOutStatus(), s.getCheckedOutAt(), s.getNextAttemptAt(), s.getLastError());
    }

    private String local(StayItem s, String instant) {
        ZoneId zone = saga.setup(s.getUnitId()).map(RentalSetupItem::getTimeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
        return Instant.parse(instant).atZone(zone).toLocalDateTime() + " (" + zone + ")";
    }

    private UnitItem readable(Caller caller, String unitId) {
        return reservations.readable(caller, unitId);
    }

    /** Outsiders learn nothing of a stay's existence: a unit they may not see reads as a missing stay. */
    private static void hideOutsiders(Runnable check, String what) {
        try {
            check.run();
        } catch (ApiException e) {
            if (e.type() == ProblemType.NOT_FOUND) throw ApiException.notFound(what);
            throw e;
        }
    }
}
