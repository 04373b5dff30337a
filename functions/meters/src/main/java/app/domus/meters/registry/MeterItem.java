package app.domus.meters.registry;

import app.domus.meters.MeterType;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A utility meter: of a unit, or a common meter of its building (no unit). pk {@code METER#<id>}, sk {@code METER};
 * gsi1 {@code METERS#<buildingId>} / {@code <unitId or COMMON>#<type>#<id>} lists a building's meters, and a unit's by
 * the sort key's prefix. A replacement is a new meter that names the one it replaces and the reading it starts from;
 * the old one is retired (removedOn) and names its successor. Values are decimals kept as text, never floating point.
 */
public class MeterItem extends TableItem {
    public static final String SK = "METER";
    public static final String COMMON = "COMMON";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String type;
    private String unitOfMeasure;
    private String serialNumber;
    private String multiplier;
    private String installedOn;
    private String removedOn;
    private String startReading;
    private String replacesMeterId;
    private String replacedByMeterId;
    private String ocrTolerance;
    private String status;
    private String createdAt;

    public static String pk(String id) { return "METER#" + id; }
    public static String ofBuilding(String buildingId) { return "METERS#" + buildingId; }
    /** The gsi1 sort key prefix of a unit's meters (or the building's common ones for {@link #COMMON}). */
    public static String placePrefix(String unitIdOrCommon) { return unitIdOrCommon + "#"; }

    /** Sets the keys from the meter's own fields. */
    public MeterItem keyed() {
        setPk(pk(id));
        setSk(SK);
        setGsi1pk(ofBuilding(buildingId));
        setGsi1sk(placePrefix(unitId == null ? COMMON : unitId) + type + "#" + id);
        return this;
    }

    public MeterType typeValue() { return MeterType.valueOf(type); }
    public boolean isActive() { return ACTIVE.equals(status); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getUnitId() { return unitId; }
    public void setUnitId(String unitId) { this.unitId = unitId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getUnitOfMeasure() { return unitOfMeasure; }
    public void setUnitOfMeasure(String unitOfMeasure) { this.unitOfMeasure = unitOfMeasure; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
    public String getMultiplier() { return multiplier; }
    public void setMultiplier(String multiplier) { this.multiplier = multiplier; }
    public String getInstalledOn() { return installedOn; }
    public void setInstalledOn(String installedOn) { this.installedOn = installedOn; }
    public String getRemovedOn() { return removedOn; }
    public void setRemovedOn(String removedOn) { this.removedOn = removedOn; }
    public String getStartReading() { return startReading; }
    public void setStartReading(String startReading) { this.startReading = startReading; }
    public String getReplacesMeterId() { return replacesMeterId; }
    public void setReplacesMeterId(String replacesMeterId) { this.replacesMeterId = replacesMeterId; }
    public String getReplacedByMeterId() { return replacedByMeterId; }
    public void setReplacedByMeterId(String replacedByMeterId) { this.replacedByMeterId = replacedByMeterId; }
    public String getOcrTolerance() { return ocrTolerance; }
    public void setOcrTolerance(String ocrTolerance) { this.ocrTolerance = ocrTolerance; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MeterItem> SCHEMA = ItemSchema.item(MeterItem.class, MeterItem::new)
            .text("id", MeterItem::getId, MeterItem::setId)
            .text("organisationId", MeterItem::getOrganisationId, MeterItem::setOrganisationId)
            .text("buildingId", MeterItem::getBuildingId, MeterItem::setBuildingId)
            .text("unitId", MeterItem::getUnitId, MeterItem::setUnitId)
            .text("type", MeterItem::getType, MeterItem::setType)
            .text("unitOfMeasure", MeterItem::getUnitOfMeasure, MeterItem::setUnitOfMeasure)
            .text("serialNumber", MeterItem::getSerialNumber, MeterItem::setSerialNumber)
            .text("multiplier", MeterItem::getMultiplier, MeterItem::setMultiplier)
            .text("installedOn", MeterItem::getInstalledOn, MeterItem::setInstalledOn)
            .text("removedOn", MeterItem::getRemovedOn, MeterItem::setRemovedOn)
            .text("startReading", MeterItem::getStartReading, MeterItem::setStartReading)
            .text("replacesMeterId", MeterItem::getReplacesMeterId, MeterItem::setReplacesMeterId)
            .text("replacedByMeterId", MeterItem::getReplacedByMeterId, MeterItem::setReplacedByMeterId)
            .text("ocrTolerance", MeterItem::getOcrTolerance, MeterItem::setOcrTolerance)
            .text("status", MeterItem::getStatus, MeterItem::setStatus)
            .text("createdAt", MeterItem::getCreatedAt, MeterItem::setCreatedAt)
            .build();
}
