package app.domus.delegations;

import app.domus.shared.directory.DelegationItem;
import java.util.List;

/**
 * Payload of the delegation events ({@code DelegationCreated}, {@code DelegationAccepted},
 * {@code DelegationDeclined}, {@code DelegationRevoked}): the delegation as it stands after the change, its
 * {@code status} included ({@code pending}, {@code accepted}, {@code declined}, {@code revoked}: which of the four
 * events it is). {@code delegateId} is null while the delegate has no account; {@code rights} are wire names.
 */
public record DelegationEvent(String delegationId, String organisationId, String buildingId, String unitId,
                              String ownerId, String delegateId, String delegateEmail, List<String> rights,
                              String expiresAt, String status) {
    public static final String CREATED = "DelegationCreated";
    public static final String ACCEPTED = "DelegationAccepted";
    public static final String DECLINED = "DelegationDeclined";
    public static final String REVOKED = "DelegationRevoked";

    static DelegationEvent of(DelegationItem item) {
        return new DelegationEvent(item.getId(), item.getOrganisationId(), item.getBuildingId(), item.getUnitId(),
                item.getOwnerId(), item.getDelegateId(), item.getDelegateEmail(), DelegationView.wireRights(item),
                item.getExpiresAt(), item.getStatus().toLowerCase(java.util.Locale.ROOT));
    }
}
