package app.domus.delegations;

import app.domus.shared.directory.DelegatedRight;
import app.domus.shared.directory.DelegationItem;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A delegation as its owner and its delegate see it. {@code direction} is {@code given} for the owner and
 * {@code received} for the delegate. A pending or accepted delegation past its expiry shows as
 * {@code expired}: it can no longer be accepted or used, whatever its stored status says.
 */
public record DelegationView(String delegationId, String direction, String organisationId, String buildingId,
                             String unitId, String ownerId, String delegateId, String delegateEmail, List<String> rights,
                             String status, String expiresAt, String createdAt) {

    public static DelegationView of(DelegationItem item, String callerId, Instant now) {
        return new DelegationView(item.getId(), callerId.equals(item.getOwnerId()) ? "given" : "received",
                item.getOrganisationId(), item.getBuildingId(), item.getUnitId(), item.getOwnerId(), item.getDelegateId(),
                item.getDelegateEmail(), wireRights(item), status(item, now), item.getExpiresAt(), item.getCreatedAt());
    }

    /** The rights by their wire names, in the order {@link DelegatedRight} declares them. */
    static List<String> wireRights(DelegationItem item) {
        return Arrays.stream(DelegatedRight.values()).filter(r -> item.getRights().contains(r.name()))
                .map(DelegatedRight::wire).toList();
    }

    private static String status(DelegationItem item, Instant now) {
        boolean open = DelegationItem.PENDING.equals(item.getStatus()) || DelegationItem.ACCEPTED.equals(item.getStatus());
        if (open && !Instant.parse(item.getExpiresAt()).isAfter(now)) return "expired";
        return item.getStatus().toLowerCase(Locale.ROOT);
    }
}
