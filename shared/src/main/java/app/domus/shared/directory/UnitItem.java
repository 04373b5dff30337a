package app.domus.shared.directory;

import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** pk {@code UNIT#<id>}, sk {@code PROFILE}; gsi1 {@code BUILDING#<buildingId>#UNITS} / unit number lists a building's units. */
@DynamoDbBean
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
}
