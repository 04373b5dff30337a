package app.domus.rentals.reservations;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.access.AccessService;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On {@code ReservationOverlapDetected}: each of the building's managers is told of the double booking (e-mail and
 * push by their preferences for rentals), one message per manager and pair of stays, whatever the redeliveries.
 */
public class OverlapAlertsHandler extends EventConsumer<ReservationEvents.OverlapDetected> {
    public static final String TEMPLATE = "reservation-overlap";

    private final AccessService access;
    private final NotificationSender notifications;

    public OverlapAlertsHandler() {
        this(RentalsComponent.create());
    }

    private OverlapAlertsHandler(RentalsComponent wiring) {
        this(wiring.idempotency(), wiring.access(), wiring.notifications());
    }

    public OverlapAlertsHandler(IdempotencyStore idempotency, AccessService access, NotificationSender notifications) {
        super(ReservationEvents.OverlapDetected.class, idempotency, ReservationEvents.OVERLAP_DETECTED);
        this.access = access;
        this.notifications = notifications;
    }

    @Override
    protected void handle(ReservationEvents.OverlapDetected event) {
        ReservationEvents.Snapshot r = event.reservation();
        for (ReservationEvents.Snapshot other : event.overlapping()) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("unitId", r.unitId());
            data.put("reservationId", r.reservationId());
            data.put("stay", describe(r));
            data.put("otherReservationId", other.reservationId());
            data.put("otherStay", describe(other));
            for (MembershipItem manager : access.membersOf(r.buildingId(), Role.MANAGER)) {
                notifications.send(new NotificationRequest("reservation-overlap:" + r.reservationId() + ":" + other.reservationId() + ":"
                        + manager.getUserId(), manager.getUserId(), null, Category.RENTALS, TEMPLATE, data));
            }
        }
    }

    private static String describe(ReservationEvents.Snapshot s) {
        return s.checkIn() + " to " + s.checkOut() + " (" + s.channel() + (s.guestName() == null ? "" : ", " + s.guestName()) + ")";
    }
}
