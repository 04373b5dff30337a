package app.domus.rentals.stays;

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
 * Tells the building's managers what the stay saga did that a host acts on: a guest checked in (and whether the lock
 * still has to catch up) or out, a lock caught up, the police portal's rejection with its reason, a step refused for
 * good. One message per manager and event, whatever the redeliveries.
 */
public class StayNoticesHandler extends EventConsumer<StayEvents.Stay> {
    static final Map<String, String> TEMPLATES = Map.of(
            StayEvents.CHECKED_IN, "guest-checked-in",
            StayEvents.CHECKED_OUT, "guest-checked-out",
            StayEvents.LOCK_SYNCED, "stay-lock-synced",
            StayEvents.REGISTRATION_REJECTED, "guest-registration-rejected",
            StayEvents.STEP_FAILED, "stay-step-failed");

    private final AccessService access;
    private final NotificationSender notifications;

    public StayNoticesHandler() {
        this(StaysComponent.create());
    }

    private StayNoticesHandler(StaysComponent wiring) {
        this(wiring.idempotency(), wiring.access(), wiring.notifications());
    }

    public StayNoticesHandler(IdempotencyStore idempotency, AccessService access, NotificationSender notifications) {
        super(StayEvents.Stay.class, idempotency, TEMPLATES.keySet().toArray(String[]::new));
        this.access = access;
        this.notifications = notifications;
    }

    @Override
    protected void handle(StayEvents.Stay stay) {
        String template = TEMPLATES.get(stay.event());
        if (template == null) throw new IllegalArgumentException("No notice for a stay event " + stay.event());
        Map<String, String> data = new LinkedHashMap<>();
        data.put("reservationId", stay.reservationId());
        data.put("unitId", stay.unitId());
        data.put("guestName", stay.guestName() == null ? "the guest" : stay.guestName());
        data.put("stay", stay.checkIn() + " to " + stay.checkOut());
        data.put("lock", StaySaga.PENDING_LOCK_SYNC.equals(stay.checkInStatus()) || StaySaga.PENDING_LOCK_SYNC.equals(stay.checkOutStatus())
                ? "The lock is offline: " + stay.reason() + "." : "The lock is in step.");
        data.put("reason", stay.reason() == null ? "" : stay.reason());
        for (MembershipItem manager : access.membersOf(stay.buildingId(), Role.MANAGER)) {
            notifications.send(new NotificationRequest("stay:" + stay.event() + ":" + stay.reservationId() + ":" + stay.at() + ":"
                    + manager.getUserId(), manager.getUserId(), null, Category.RENTALS, template, data));
        }
    }
}
