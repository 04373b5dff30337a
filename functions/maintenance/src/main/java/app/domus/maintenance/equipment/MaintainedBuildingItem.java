package app.domus.maintenance.equipment;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A building with equipment, for the daily prediction job: pk {@code MAINTAINED_BUILDINGS}, sk {@code BUILDING#<buildingId>};
 * written with its first piece of equipment.
 */
public class MaintainedBuildingItem extends TableItem {
    public static final String PK = "MAINTAINED_BUILDINGS";

    private String buildingId;

    public static String sk(String buildingId) {
        return "BUILDING#" + buildingId;
    }
    private String organisationId;

    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }

    public static final TableSchema<MaintainedBuildingItem> SCHEMA = ItemSchema.item(MaintainedBuildingItem.class, MaintainedBuildingItem::new)
            .text("buildingId", MaintainedBuildingItem::getBuildingId, MaintainedBuildingItem::setBuildingId)
            .text("organisationId", MaintainedBuildingItem::getOrganisationId, MaintainedBuildingItem::setOrganisationId)
            .build();
}
