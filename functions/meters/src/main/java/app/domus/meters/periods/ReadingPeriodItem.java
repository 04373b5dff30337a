package app.domus.meters.periods;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A building's window for residents' readings: pk {@code METERS#<buildingId>}, sk {@code PERIOD#<startsOn>#<id>}
 * (a building's periods in date order). Dates are inclusive, in UTC.
 */
public class ReadingPeriodItem extends TableItem {
    private String id;
    private String buildingId;
    private String organisationId;
    private String startsOn;
    private String endsOn;
    private String createdBy;
    private String createdAt;

    public static String pk(String buildingId) { return "METERS#" + buildingId; }
    public static final String SK_PREFIX = "PERIOD#";
    public static String sk(String startsOn, String id) { return SK_PREFIX + startsOn + "#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String startsOn) { this.startsOn = startsOn; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String endsOn) { this.endsOn = endsOn; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ReadingPeriodItem> SCHEMA = ItemSchema.item(ReadingPeriodItem.class, ReadingPeriodItem::new)
            .text("id", ReadingPeriodItem::getId, ReadingPeriodItem::setId)
            .text("buildingId", ReadingPeriodItem::getBuildingId, ReadingPeriodItem::setBuildingId)
            .text("organisationId", ReadingPeriodItem::getOrganisationId, ReadingPeriodItem::setOrganisationId)
            .text("startsOn", ReadingPeriodItem::getStartsOn, ReadingPeriodItem::setStartsOn)
            .text("endsOn", ReadingPeriodItem::getEndsOn, ReadingPeriodItem::setEndsOn)
            .text("createdBy", ReadingPeriodItem::getCreatedBy, ReadingPeriodItem::setCreatedBy)
            .text("createdAt", ReadingPeriodItem::getCreatedAt, ReadingPeriodItem::setCreatedAt)
            .build();
}
