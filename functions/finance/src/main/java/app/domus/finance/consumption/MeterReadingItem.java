package app.domus.finance.consumption;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Finance's view of a meter, kept from the meters context's reading events (finance reads nothing of the meters' own
 * items): pk {@code BILLING_METER#<meterId>}, sk {@code LATEST}; gsi1 {@code UNIT#<unitId>#BILLING_METERS} and gsi2
 * {@code BUILDING#<buildingId>#BILLING_METERS}, both {@code <meterType>#<meterId>}. Its latest reading (value, when,
 * {@code READ} from a device, {@code BY_HAND} with a photo, {@code FLAGGED} with the reasons, {@code CORRECTED} by a
 * manager) and its baseline: the first reading finance heard of, from which billing starts while nothing was billed.
 * Updated at its version as the events arrive, in any order.
 */
public class MeterReadingItem extends TableItem {
    public static final String SK = "LATEST";
    public static final String READ = "READ";
    public static final String BY_HAND = "BY_HAND";
    public static final String FLAGGED = "FLAGGED";
    public static final String CORRECTED = "CORRECTED";

    private String meterId;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String meterType;
    private String unitOfMeasure;
    private String readingId;
    private String value;
    private String readAt;
    private String status;
    private List<String> flags;
    private String baselineReadingId;
    private String baselineValue;
    private String baselineReadAt;
    private String updatedAt;

    public static String pk(String meterId) { return "BILLING_METER#" + meterId; }
    public static String byUnit(String unitId) { return "UNIT#" + unitId + "#BILLING_METERS"; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#BILLING_METERS"; }

    public String getMeterId() { return meterId; }
    public void setMeterId(String meterId) { this.meterId = meterId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getMeterType() { return meterType; }
    public void setMeterType(String meterType) { this.meterType = meterType; }
    public String getUnitOfMeasure() { return unitOfMeasure; }
    public void setUnitOfMeasure(String unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
    public String getReadingId() { return readingId; }
    public void setReadingId(String readingId) { this.readingId = readingId; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getReadAt() { return readAt; }
    public void setReadAt(String readAt) { this.readAt = readAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public List<String> getFlags() { return flags; }
    public void setFlags(List<String> flags) { this.flags = flags; }
    public String getBaselineReadingId() { return baselineReadingId; }
    public void setBaselineReadingId(String baselineReadingId) { this.baselineReadingId = baselineReadingId; }
    public String getBaselineValue() { return baselineValue; }
    public void setBaselineValue(String baselineValue) { this.baselineValue = baselineValue; }
    public String getBaselineReadAt() { return baselineReadAt; }
    public void setBaselineReadAt(String baselineReadAt) { this.baselineReadAt = baselineReadAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MeterReadingItem> SCHEMA = ItemSchema.item(MeterReadingItem.class, MeterReadingItem::new)
            .text("meterId", MeterReadingItem::getMeterId, MeterReadingItem::setMeterId)
            .text("organisationId", MeterReadingItem::getOrganisationId, MeterReadingItem::setOrganisationId)
            .text("buildingId", MeterReadingItem::getBuildingId, MeterReadingItem::setBuildingId)
            .text("unitId", MeterReadingItem::getUnitId, MeterReadingItem::setUnitId)
            .text("meterType", MeterReadingItem::getMeterType, MeterReadingItem::setMeterType)
            .text("unitOfMeasure", MeterReadingItem::getUnitOfMeasure, MeterReadingItem::setUnitOfMeasure)
            .text("readingId", MeterReadingItem::getReadingId, MeterReadingItem::setReadingId)
            .text("value", MeterReadingItem::getValue, MeterReadingItem::setValue)
            .text("readAt", MeterReadingItem::getReadAt, MeterReadingItem::setReadAt)
            .text("status", MeterReadingItem::getStatus, MeterReadingItem::setStatus)
            .textList("flags", MeterReadingItem::getFlags, MeterReadingItem::setFlags)
            .text("baselineReadingId", MeterReadingItem::getBaselineReadingId, MeterReadingItem::setBaselineReadingId)
            .text("baselineValue", MeterReadingItem::getBaselineValue, MeterReadingItem::setBaselineValue)
            .text("baselineReadAt", MeterReadingItem::getBaselineReadAt, MeterReadingItem::setBaselineReadAt)
            .text("updatedAt", MeterReadingItem::getUpdatedAt, MeterReadingItem::setUpdatedAt)
            .build();
}
