package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** pk {@code UNIT#<id>}, sk {@code PROFILE}; gsi1 {@code BUILDING#<buildingId>#UNITS} / unit number lists a building's units. */
public class UnitItem extends TableItem {
    private String id;
    private String organisationId;
    private String buildingId;
    private String number;
    private Integer floor;
    private Double areaSquareMetres;
    private String createdAt;

    public static String pk(String id) { return "UNIT#" + id; }
    public static String byBuilding(String buildingId) { return "BUILDING#" + buildingId + "#UNITS"; }

    /** "4 a", "4A" and "4a" are the same door: numbers compare without case or repeated spaces. */
    public static String normalisedNumber(String number) {
        return number.strip().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }

    /** A unit of the building with its keys, listed in the building by its normalised number. */
    public static UnitItem of(String id, BuildingItem building, String number, String now) {
        UnitItem unit = new UnitItem();
        unit.setPk(pk(id));
        unit.setSk("PROFILE");
        unit.setGsi1pk(byBuilding(building.getId()));
        unit.setGsi1sk(normalisedNumber(number));
        unit.setId(id);
        unit.setOrganisationId(building.getOrganisationId());
        unit.setBuildingId(building.getId());
        unit.setNumber(number.strip());
        unit.setCreatedAt(now);
        return unit;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public Integer getFloor() { return floor; }
    public void setFloor(Integer floor) { this.floor = floor; }
    public Double getAreaSquareMetres() { return areaSquareMetres; }
    public void setAreaSquareMetres(Double areaSquareMetres) { this.areaSquareMetres = areaSquareMetres; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UnitItem> SCHEMA = ItemSchema.item(UnitItem.class, UnitItem::new)
            .text("id", UnitItem::getId, UnitItem::setId)
            .text("organisationId", UnitItem::getOrganisationId, UnitItem::setOrganisationId)
            .text("buildingId", UnitItem::getBuildingId, UnitItem::setBuildingId)
            .text("number", UnitItem::getNumber, UnitItem::setNumber)
            .attribute(Integer.class, "floor", UnitItem::getFloor, UnitItem::setFloor)
            .attribute(Double.class, "areaSquareMetres", UnitItem::getAreaSquareMetres, UnitItem::setAreaSquareMetres)
            .text("createdAt", UnitItem::getCreatedAt, UnitItem::setCreatedAt)
            .build();
}
