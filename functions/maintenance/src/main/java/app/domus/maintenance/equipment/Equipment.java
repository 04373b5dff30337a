package app.domus.maintenance.equipment;

import app.domus.maintenance.model.EquipmentType;
import app.domus.shared.access.AccessService;
import app.domus.shared.access.Action;
import app.domus.shared.auth.Caller;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * A building's equipment and its maintenance records. The building's managers (and the organisation's admins) register
 * equipment and record maintenance; every member of the building reads them. Another organisation's equipment is 404.
 */
public class Equipment {
    /** {@code POST /buildings/{buildingId}/equipment}: checked here, with the dates' order. */
    public record NewEquipment(String type, String name, String installedOn, String lastServicedOn) implements Validated {
        @Override
        public void validate(Validator v) {
            v.required("type", type);
            v.required("installedOn", installedOn);
        }
    }

    /** {@code POST /equipment/{id}/maintenance}. */
    public record NewRecord(String kind, String performedOn, String notes) implements Validated {
        @Override
        public void validate(Validator v) {
            v.required("kind", kind);
            v.required("performedOn", performedOn);
        }
    }

    public record View(EquipmentItem equipment, List<MaintenanceRecordItem> records) {}

    static final List<String> KINDS = List.of("service", "repair", "inspection");

    private final DomusTable table;
    private final AccessService access;
    private final Clock clock;

    public Equipment(DomusTable table, AccessService access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public EquipmentItem register(Caller caller, String buildingId, NewEquipment input) {
        BuildingItem building = access.building(caller, buildingId, Action.MANAGE);
        EquipmentType type = type(input.type());
        String name = input.name() == null || input.name().isBlank() ? type.wire() : input.name().strip();
        if (name.length() > 120) throw ApiException.validation("name", "must be at most 120 characters");
        LocalDate installed = day("installedOn", input.installedOn(), true);
        LocalDate serviced = day("lastServicedOn", input.lastServicedOn(), false);
        if (serviced != null && serviced.isBefore(installed)) throw ApiException.validation("lastServicedOn", "must not be before installedOn");
        String id = Ids.newId();
        EquipmentItem item = new EquipmentItem();
        item.setPk(EquipmentItem.pk(id));
        item.setSk(EquipmentItem.SK);
        item.setGsi1pk(EquipmentItem.ofBuilding(buildingId));
        item.setGsi1sk("EQUIPMENT#" + id);
        item.setId(id);
        item.setOrganisationId(building.getOrganisationId());
        item.setBuildingId(buildingId);
        item.setType(type.wire());
        item.setName(name);
        item.setInstalledOn(installed.toString());
        item.setLastServicedOn(serviced == null ? null : serviced.toString());
        item.setCreatedAt(clock.instant().toString());
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(EquipmentItem.class), item);
        if (table.get(MaintainedBuildingItem.class, MaintainedBuildingItem.PK, MaintainedBuildingItem.sk(buildingId)).isEmpty()) {
            MaintainedBuildingItem maintained = new MaintainedBuildingItem();
            maintained.setPk(MaintainedBuildingItem.PK);
            maintained.setSk(MaintainedBuildingItem.sk(buildingId));
            maintained.setBuildingId(buildingId);
            maintained.setOrganisationId(building.getOrganisationId());
            tx.addPutItem(table.of(MaintainedBuildingItem.class), maintained);
        }
        table.client().transactWriteItems(tx.build());
        return item;
    }

    public List<EquipmentItem> list(Caller caller, String buildingId) {
        access.building(caller, buildingId, Action.READ);
        return ofBuilding(buildingId);
    }

    /** Every piece of a building's equipment, by id (for the prediction job). */
    public List<EquipmentItem> ofBuilding(String buildingId) {
        return table.allInIndex(EquipmentItem.class, TableItem.GSI1, EquipmentItem.ofBuilding(buildingId)).stream()
                .sorted(Comparator.comparing(EquipmentItem::getId)).toList();
    }

    public View get(Caller caller, String equipmentId, Action action) {
        EquipmentItem item = table.get(EquipmentItem.class, EquipmentItem.pk(equipmentId), EquipmentItem.SK)
                .orElseThrow(() -> ApiException.notFound("The equipment"));
        access.building(caller, item.getBuildingId(), action);
        return new View(item, records(equipmentId));
    }

    /** The buildings with equipment, for the daily job. */
    public List<MaintainedBuildingItem> buildings() {
        return table.all(MaintainedBuildingItem.class, MaintainedBuildingItem.PK, "BUILDING#");
    }

    public List<MaintenanceRecordItem> records(String equipmentId) {
        return table.all(MaintenanceRecordItem.class, EquipmentItem.pk(equipmentId), "MAINTENANCE#");
    }

    public MaintenanceRecordItem record(Caller caller, String equipmentId, NewRecord input) {
        EquipmentItem equipment = get(caller, equipmentId, Action.MANAGE).equipment();
        String kind = input.kind() == null ? "" : input.kind().strip().toLowerCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) throw ApiException.validation("kind", "must be one of " + String.join(", ", KINDS));
        LocalDate performed = day("performedOn", input.performedOn(), true);
        if (performed.isAfter(LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))) {
            throw ApiException.validation("performedOn", "must not be in the future");
        }
        if (performed.isBefore(LocalDate.parse(equipment.getInstalledOn()))) throw ApiException.validation("performedOn", "must not be before the equipment was installed");
        String notes = input.notes() == null ? null : input.notes().strip();
        if (notes != null && notes.length() > 2000) throw ApiException.validation("notes", "must be at most 2000 characters");
        String recordId = Ids.newId();
        MaintenanceRecordItem record = new MaintenanceRecordItem();
        record.setPk(EquipmentItem.pk(equipmentId));
        record.setSk(MaintenanceRecordItem.sk(performed.toString(), recordId));
        record.setRecordId(recordId);
        record.setEquipmentId(equipmentId);
        record.setKind(kind);
        record.setPerformedOn(performed.toString());
        record.setNotes(notes);
        record.setRecordedBy(caller.userId());
        TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(table.of(MaintenanceRecordItem.class), record);
        boolean newerService = "service".equals(kind)
                && (equipment.getLastServicedOn() == null || performed.toString().compareTo(equipment.getLastServicedOn()) > 0);
        if (newerService) {
            equipment.setLastServicedOn(performed.toString());
            tx.addPutItem(table.of(EquipmentItem.class), equipment);
        }
        table.client().transactWriteItems(tx.build());
        return record;
    }

    private static EquipmentType type(String value) {
        try {
            return EquipmentType.fromWire(value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("type", "must be one of boiler, lift, pump, roof, meter");
        }
    }

    private static LocalDate day(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw ApiException.validation(field, "is required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.validation(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
