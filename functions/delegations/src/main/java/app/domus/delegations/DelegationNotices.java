package app.domus.delegations;

import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.notify.NotificationSender;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells the other side of a delegation what happened: the delegate is invited (by user, or at the bare address
 * when they have no account yet, asked to register), the owner hears the answer, and the delegate hears of a
 * revocation. These are account messages (someone may now act, or no longer act, for an owner), so they go by
 * e-mail whatever the preferences say. Each request's id is derived from the delegation and the change, so a
 * redelivered event asks for the same message, which the notifier sends once.
 */
@Singleton
public class DelegationNotices {
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final DomusTable table;
    private final NotificationSender notifications;

    @Inject
    public DelegationNotices(DomusTable table, NotificationSender notifications) {
        this.table = table;
        this.notifications = notifications;
    }

    public void handle(DelegationEvent event) {
        requireComplete(event);
        switch (String.valueOf(event.status())) {
            case "pending" -> invite(event);
            case "accepted" -> answer(event, "accepted");
            case "declined" -> answer(event, "declined");
            case "revoked" -> revoked(event);
            default -> throw new IllegalArgumentException("A delegation event with status " + event.status());
        }
    }

    private void invite(DelegationEvent d) {
        UserItem owner = user(d.ownerId());
        Map<String, String> data = about(d);
        data.put("ownerName", nameOf(owner));
        data.put("ownerEmail", owner.getEmail());
        data.put("expiresAt", SHOWN_TIME.format(Instant.parse(d.expiresAt())));
        String id = "delegation-invitation-" + d.delegationId();
        if (d.delegateId() != null) {
            notifications.send(new NotificationRequest(id, d.delegateId(), null, Category.ACCOUNT, "delegation-invitation", data));
        } else {
            data.put("email", d.delegateEmail());
            notifications.send(new NotificationRequest(id, null, d.delegateEmail(), Category.ACCOUNT,
                    "delegation-invitation-register", data));
        }
    }

    private void answer(DelegationEvent d, String answer) {
        Map<String, String> data = about(d);
        data.put("delegateName", d.delegateId() == null ? d.delegateEmail() : nameOf(user(d.delegateId())));
        data.put("answer", answer);
        notifications.send(new NotificationRequest("delegation-" + answer + "-" + d.delegationId(), d.ownerId(), null,
                Category.ACCOUNT, "delegation-answered", data));
    }

    private void revoked(DelegationEvent d) {
        Map<String, String> data = about(d);
        data.put("ownerName", nameOf(user(d.ownerId())));
        String id = "delegation-revoked-" + d.delegationId();
        notifications.send(d.delegateId() != null
                ? new NotificationRequest(id, d.delegateId(), null, Category.ACCOUNT, "delegation-revoked", data)
                : new NotificationRequest(id, null, d.delegateEmail(), Category.ACCOUNT, "delegation-revoked", data));
    }

    /** What every message names: the unit, its building and the rights. */
    private Map<String, String> about(DelegationEvent d) {
        UnitItem unit = table.get(UnitItem.class, UnitItem.pk(d.unitId()), "PROFILE")
                .orElseThrow(() -> new IllegalStateException("No unit " + d.unitId() + " for delegation " + d.delegationId()));
        BuildingItem building = table.get(BuildingItem.class, BuildingItem.pk(unit.getBuildingId()), "PROFILE")
                .orElseThrow(() -> new IllegalStateException("No building " + unit.getBuildingId() + " for unit " + unit.getId()));
        Map<String, String> data = new HashMap<>();
        data.put("unit", unit.getNumber());
        data.put("building", building.getName());
        data.put("rights", String.join(", ", d.rights().stream().map(r -> r.replace('_', ' ')).toList()));
        return data;
    }

    private UserItem user(String userId) {
        return table.get(UserItem.class, UserItem.pk(userId), UserItem.SK)
                .orElseThrow(() -> new IllegalStateException("No user " + userId + " named by a delegation"));
    }

    private static String nameOf(UserItem user) {
        return user.getDisplayName() != null && !user.getDisplayName().isBlank() ? user.getDisplayName() : user.getEmail();
    }

    /** A payload that does not name what every message needs is a bug in its publisher: fail it into the DLQ. */
    private static void requireComplete(DelegationEvent d) {
        if (d.delegationId() == null || d.ownerId() == null || d.unitId() == null || d.rights() == null
                || d.expiresAt() == null || (d.delegateId() == null && d.delegateEmail() == null)) {
            throw new IllegalArgumentException("The event does not carry a whole delegation");
        }
    }
}
