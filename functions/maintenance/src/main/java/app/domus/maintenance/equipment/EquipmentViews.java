package app.domus.maintenance.equipment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's shape of equipment and its records. */
final class EquipmentViews {
    private EquipmentViews() {}

    static Map<String, Object> of(EquipmentItem e, List<MaintenanceRecordItem> records) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.getId());
        out.put("buildingId", e.getBuildingId());
        out.put("type", e.getType());
        out.put("name", e.getName());
        out.put("installedOn", e.getInstalledOn());
        out.put("lastServicedOn", e.getLastServicedOn());
        out.put("createdAt", e.getCreatedAt());
        if (records != null) out.put("maintenance", records.stream().map(EquipmentViews::record).toList());
        return out;
    }

    static Map<String, Object> record(MaintenanceRecordItem r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.getRecordId());
        out.put("equipmentId", r.getEquipmentId());
        out.put("kind", r.getKind());
        out.put("performedOn", r.getPerformedOn());
        out.put("notes", r.getNotes());
        out.put("recordedBy", r.getRecordedBy());
        return out;
    }
}
