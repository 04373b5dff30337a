package app.domus.tenancy.invitations;

import app.domus.shared.directory.InvitationItem;
import java.time.Instant;
import java.util.Locale;

/** An invitation as its issuers see it; an open invitation past its expiry shows as {@code EXPIRED}. */
public record InvitationView(String code, String role, String organisationId, String buildingId, String unitId,
                             String email, String status, String expiresAt, String createdBy, String createdAt) {
    public static InvitationView of(InvitationItem item, Instant now) {
        boolean expired = InvitationItem.OPEN.equals(item.getStatus()) && Instant.parse(item.getExpiresAt()).isBefore(now);
        return new InvitationView(item.getCode(), item.getRole().toLowerCase(Locale.ROOT), item.getOrganisationId(),
                item.getBuildingId(), item.getUnitId(), item.getEmail(), expired ? "EXPIRED" : item.getStatus(),
                item.getExpiresAt(), item.getCreatedBy(), item.getCreatedAt());
    }
}
