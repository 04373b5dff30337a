package app.domus.local.seed;

import app.domus.shared.directory.UnitItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The demo estate's meters, until the meters context owns meters (they belong to no context yet, so not to the
 * kernel either). A utility meter of a unit (read by hand with a photo, or sent by a smart meter over MQTT). pk {@code METER#<id>},
 * sk {@code METER}; gsi1 {@code UNIT#<unitId>#METERS} / {@code <type>#<id>} lists a unit's meters.
 */
public class DemoMeterItem extends TableItem {
    public static final String SK = "METER";

    /** What a meter measures, and in which unit. */
    public enum Type {
        COLD_WATER("m3"), HOT_WATER("m3"), HEAT("kWh"), ELECTRICITY("kWh"), GAS("m3");

        private final String unitOfMeasure;

        Type(String unitOfMeasure) {
            this.unitOfMeasure = unitOfMeasure;
        }

        public String unitOfMeasure() {
            return unitOfMeasure;
        }
    }

    private String id;
    private String organisationId;
    private String buildingId;
    private String unitId;
    private String type;
    private String unitOfMeasure;
    private String serialNumber;
    private String createdAt;

    public static String pk(String id) { return "METER#" + id; }
    public static String byUnit(String unitId) { return "UNIT#" + unitId + "#METERS"; }

    public static DemoMeterItem of(String id, UnitItem unit, Type type, String serialNumber, String now) {
        DemoMeterItem meter = new DemoMeterItem();
        meter.setPk(pk(id));
        meter.setSk(SK);
        meter.setGsi1pk(byUnit(unit.getId()));
        meter.setGsi1sk(type.name() + "#" + id);
        meter.setId(id);
        meter.setOrganisationId(unit.getOrganisationId());
        meter.setBuildingId(unit.getBuildingId());
        meter.setUnitId(unit.getId());
        meter.setType(type.name());
        meter.setUnitOfMeasure(type.unitOfMeasure());
        meter.setSerialNumber(serialNumber);
        meter.setCreatedAt(now);
        return meter;
    }

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
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<DemoMeterItem> SCHEMA = ItemSchema.item(DemoMeterItem.class, DemoMeterItem::new)
            .text("id", DemoMeterItem::getId, DemoMeterItem::setId)
            .text("organisationId", DemoMeterItem::getOrganisationId, DemoMeterItem::setOrganisationId)
            .text("buildingId", DemoMeterItem::getBuildingId, DemoMeterItem::setBuildingId)
            .text("unitId", DemoMeterItem::getUnitId, DemoMeterItem::setUnitId)
            .text("type", DemoMeterItem::getType, DemoMeterItem::setType)
            .text("unitOfMeasure", DemoMeterItem::getUnitOfMeasure, DemoMeterItem::setUnitOfMeasure)
            .text("serialNumber", DemoMeterItem::getSerialNumber, DemoMeterItem::setSerialNumber)
            .text("createdAt", DemoMeterItem::getCreatedAt, DemoMeterItem::setCreatedAt)
            .build();
}
