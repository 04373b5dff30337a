package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An owner's share of a building, held through a unit. pk {@code UNIT#<unitId>}, sk {@code OWNER#<userId>};
 * gsi1 {@code USER#<userId>#OWNS} lists what a person owns; gsi2 {@code BUILDING#<buildingId>#OWNERSHIPS}
 * lists a building's owners (vote weights). The share is a fraction kept as numerator/denominator so that
 * weights add up exactly.
 */
public class OwnershipItem extends TableItem {
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String ownerId;
    private Long shareNumerator;
    private Long shareDenominator;
    private String createdAt;

    public static String sk(String ownerId) { return "OWNER#" + ownerId; }
    public static String byOwner(String ownerId) { return "USER#" + ownerId + "#OWNS"; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#OWNERSHIPS"; }

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public Long getShareNumerator() { return shareNumerator; }
    public void setShareNumerator(Long shareNumerator) { this.shareNumerator = shareNumerator; }
    public Long getShareDenominator() { return shareDenominator; }
    public void setShareDenominator(Long shareDenominator) { this.shareDenominator = shareDenominator; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<OwnershipItem> SCHEMA = ItemSchema.item(OwnershipItem.class, OwnershipItem::new)
            .text("organisationId", OwnershipItem::getOrganisationId, OwnershipItem::setOrganisationId)
            .text("buildingId", OwnershipItem::getBuildingId, OwnershipItem::setBuildingId)
            .text("unitId", OwnershipItem::getUnitId, OwnershipItem::setUnitId)
            .text("ownerId", OwnershipItem::getOwnerId, OwnershipItem::setOwnerId)
            .attribute(Long.class, "shareNumerator", OwnershipItem::getShareNumerator, OwnershipItem::setShareNumerator)
            .attribute(Long.class, "shareDenominator", OwnershipItem::getShareDenominator, OwnershipItem::setShareDenominator)
            .text("createdAt", OwnershipItem::getCreatedAt, OwnershipItem::setCreatedAt)
            .build();
}
