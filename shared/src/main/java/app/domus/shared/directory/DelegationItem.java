package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An owner's rights for one unit, handed to a delegate. pk {@code DELEGATION#<id>}, sk {@code DELEGATION};
 * gsi1 {@code USER#<delegateId>#RECEIVED} (or {@code EMAIL#<address>#RECEIVED} until the delegate has an
 * account) / {@code UNIT#<unitId>#<id>}: what someone may do for whom; gsi2 {@code USER#<ownerId>#GIVEN} / id.
 * Status PENDING → ACCEPTED | DECLINED, and ACCEPTED or PENDING → REVOKED by the owner. Expiry is checked
 * when the rights are used, not by a job.
 */
public class DelegationItem extends TableItem {
    public static final String SK = "DELEGATION";
    public static final String PENDING = "PENDING";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DECLINED = "DECLINED";
    public static final String REVOKED = "REVOKED";

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String ownerId;
    private String delegateId;
    private String delegateEmail;
    private Set<String> rights;
    private String status;
    private String expiresAt;
    private String createdAt;

    public static String pk(String id) { return "DELEGATION#" + id; }
    public static String receivedBy(String userId) { return "USER#" + userId + "#RECEIVED"; }
    public static String receivedByEmail(String email) { return "EMAIL#" + email.toLowerCase(java.util.Locale.ROOT) + "#RECEIVED"; }
    public static String givenBy(String ownerId) { return "USER#" + ownerId + "#GIVEN"; }
    public static String forUnit(String unitId) { return "UNIT#" + unitId + "#"; }

    /** Usable now: accepted, not expired, and carrying the right. */
    public boolean grants(DelegatedRight right, Instant now) {
        return ACCEPTED.equals(status) && rights != null && rights.contains(right.name())
                && (expiresAt == null || Instant.parse(expiresAt).isAfter(now));
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public String getDelegateId() { return delegateId; }
    public void setDelegateId(String delegateId) { this.delegateId = delegateId; }
    public String getDelegateEmail() { return delegateEmail; }
    public void setDelegateEmail(String delegateEmail) { this.delegateEmail = delegateEmail; }
    public Set<String> getRights() { return rights; }
    public void setRights(Set<String> rights) { this.rights = rights; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DelegationItem> SCHEMA = ItemSchema.item(DelegationItem.class, DelegationItem::new)
            .text("id", DelegationItem::getId, DelegationItem::setId)
            .text("organisationId", DelegationItem::getOrganisationId, DelegationItem::setOrganisationId)
            .text("buildingId", DelegationItem::getBuildingId, DelegationItem::setBuildingId)
            .text("unitId", DelegationItem::getUnitId, DelegationItem::setUnitId)
            .text("ownerId", DelegationItem::getOwnerId, DelegationItem::setOwnerId)
            .text("delegateId", DelegationItem::getDelegateId, DelegationItem::setDelegateId)
            .text("delegateEmail", DelegationItem::getDelegateEmail, DelegationItem::setDelegateEmail)
            .textSet("rights", DelegationItem::getRights, DelegationItem::setRights)
            .text("status", DelegationItem::getStatus, DelegationItem::setStatus)
            .text("expiresAt", DelegationItem::getExpiresAt, DelegationItem::setExpiresAt)
            .text("createdAt", DelegationItem::getCreatedAt, DelegationItem::setCreatedAt)
            .build();
}
