package app.domus.rentals.reservations;

import java.util.List;

/**
 * The reservation events, the contract between the channel sync (which writes reservations) and what follows a stay
 * (access codes, the police registration, the welcome message, check-in): each carries the reservation as it is after
 * the change.
 */
public final class ReservationEvents {
    public static final String CREATED = "ReservationCreated";
    /** Dates, guest or guest count changed; {@code changes} names which. */
    public static final String CHANGED = "ReservationChanged";
    public static final String CANCELLED = "ReservationCancelled";
    /** Two confirmed stays of one unit overlap (a double booking): the manager is alerted. */
    public static final String OVERLAP_DETECTED = "ReservationOverlapDetected";

    private ReservationEvents() {}

    public record Snapshot(String reservationId, String organisationId, String buildingId, String unitId, String channel,
                           String channelReservationId, String status, String checkIn, String checkOut, String guestName,
                           String guestEmail, Integer guests) {
        public static Snapshot of(ReservationItem r) {
            return new Snapshot(r.getId(), r.getOrganisationId(), r.getBuildingId(), r.getUnitId(), r.getChannel(),
                    r.getChannelReservationId(), r.getStatus(), r.getCheckIn(), r.getCheckOut(), r.getGuestName(), r.getGuestEmail(),
                    r.getGuests());
        }
    }

    public record Changed(Snapshot reservation, List<String> changes) {}

    /** {@code reservation} (new or changed) overlaps these other confirmed stays of its unit. */
    public record OverlapDetected(Snapshot reservation, List<Snapshot> overlapping) {}
}
