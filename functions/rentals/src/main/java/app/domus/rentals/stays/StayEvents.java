package app.domus.rentals.stays;

/**
 * The stay saga's events, each with one payload ({@link Stay}: the stay as it is after the step, and what happened in
 * {@code event}), so that one consumer tells the managers of all of them.
 */
public final class StayEvents {
    public static final String CHECKED_IN = "GuestCheckedIn";
    public static final String CHECKED_OUT = "GuestCheckedOut";
    /** The keypad code reached a lock that was offline at check-in (or at check-out, its revocation did). */
    public static final String LOCK_SYNCED = "StayLockSynced";
    public static final String REGISTRATION_SUBMITTED = "GuestRegistrationSubmitted";
    public static final String REGISTRATION_ACCEPTED = "GuestRegistrationAccepted";
    public static final String REGISTRATION_REJECTED = "GuestRegistrationRejected";
    /** A cancelled stay's compensations are done: code revoked, registration withdrawn (or nothing to withdraw). */
    public static final String STAY_CLOSED = "StayClosed";
    /** A partner refused a step for good (the lock does not exist, the portal refused our credentials): a person must act. */
    public static final String STEP_FAILED = "StayStepFailed";

    private StayEvents() {}

    public record Stay(String event, String reservationId, String organisationId, String buildingId, String unitId, String guestName,
                       String checkIn, String checkOut, String lockStatus, String registrationStatus, String checkInStatus,
                       String checkOutStatus, String reason, String at) {
        static Stay of(String event, StayItem s, String reason, String at) {
            return new Stay(event, s.getReservationId(), s.getOrganisationId(), s.getBuildingId(), s.getUnitId(), s.getGuestName(),
                    s.getCheckIn(), s.getCheckOut(), s.getLockStatus(), s.getRegistrationStatus(), s.getCheckInStatus(),
                    s.getCheckOutStatus(), reason, at);
        }
    }
}
