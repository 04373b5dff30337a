package app.domus.maintenance.equipment;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One maintenance record of a piece of equipment: pk {@code EQUIPMENT#<id>}, sk {@code MAINTENANCE#<performedOn>#<recordId>}
 * (oldest first). {@code kind} is {@code service}, {@code repair} or {@code inspection}; a service moves the
 * equipment's {@code lastServicedOn}.
 */
public class MaintenanceRecordItem extends TableItem {
    private String recordId;
    private String equipmentId;
    private String kind;
    private String performedOn;
    private String notes;
    private String recordedBy;

    public static String sk(String performedOn, String recordId) {
        return "MAINTENANCE#" + performedOn + "#" + recordId;
    }

    public String getRecordId() { return recordId; }
    public void setRecordId(String recordId) { this.recordId = recordId; }
    public String getEquipmentId() { return equipmentId; }
    public void setEquipmentId(String equipmentId) { this.equipmentId = equipmentId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getPerformedOn() { return performedOn; }
    public void setPerformedOn(String performedOn) { this.performedOn = performedOn; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getRecordedBy() { return recordedBy; }
    public void setRecordedBy(String recordedBy) { this.recordedBy = recordedBy; }

    public static final TableSchema<MaintenanceRecordItem> SCHEMA = ItemSchema.item(MaintenanceRecordItem.class, MaintenanceRecordItem::new)
            .text("recordId", MaintenanceRecordItem::getRecordId, MaintenanceRecordItem::setRecordId)
            .text("equipmentId", MaintenanceRecordItem::getEquipmentId, MaintenanceRecordItem::setEquipmentId)
            .text("kind", MaintenanceRecordItem::getKind, MaintenanceRecordItem::setKind)
            .text("performedOn", MaintenanceRecordItem::getPerformedOn, MaintenanceRecordItem::setPerformedOn)
            .text("notes", MaintenanceRecordItem::getNotes, MaintenanceRecordItem::setNotes)
            .text("recordedBy", MaintenanceRecordItem::getRecordedBy, MaintenanceRecordItem::setRecordedBy)
            .build();
}
