package app.domus.maintenance.equipment;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A building's piece of equipment (a boiler, a lift, a pump, a roof, a meter): pk {@code EQUIPMENT#<id>}, sk
 * {@code EQUIPMENT}; gsi1 {@code BUILDING_EQUIPMENT#<buildingId>} / {@code EQUIPMENT#<id>}. Dates are ISO days.
 */
public class EquipmentItem extends TableItem {
    public static final String SK = "EQUIPMENT";

    private String id;
    private String organisationId;
    private String buildingId;
    private String type;
    private String name;
    private String installedOn;
    private String lastServicedOn;
    private String createdAt;

    public static String pk(String id) {
        return "EQUIPMENT#" + id;
    }

    public static String ofBuilding(String buildingId) {
        return "BUILDING_EQUIPMENT#" + buildingId;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getInstalledOn() { return installedOn; }
    public void setInstalledOn(String installedOn) { this.installedOn = installedOn; }
    public String getLastServicedOn() { return lastServicedOn; }
    public void setLastServicedOn(String lastServicedOn) { this.lastServicedOn = lastServicedOn; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    public static final TableSchema<EquipmentItem> SCHEMA = ItemSchema.item(EquipmentItem.class, EquipmentItem::new)
            .text("id", EquipmentItem::getId, EquipmentItem::setId)
            .text("organisationId", EquipmentItem::getOrganisationId, EquipmentItem::setOrganisationId)
            .text("buildingId", EquipmentItem::getBuildingId, EquipmentItem::setBuildingId)
            .text("type", EquipmentItem::getType, EquipmentItem::setType)
            .text("name", EquipmentItem::getName, EquipmentItem::setName)
            .text("installedOn", EquipmentItem::getInstalledOn, EquipmentItem::setInstalledOn)
            .text("lastServicedOn", EquipmentItem::getLastServicedOn, EquipmentItem::setLastServicedOn)
            .text("createdAt", EquipmentItem::getCreatedAt, EquipmentItem::setCreatedAt)
            .build();
}
