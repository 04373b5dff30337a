package app.domus.shared.directory;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** pk {@code BUILDING#<id>}, sk {@code PROFILE}; gsi1 {@code ORG#<orgId>#BUILDINGS} / id lists an organisation's buildings. */
public class BuildingItem extends TableItem {
    private String id;
    private String organisationId;
    private String name;
    private String street;
    private String city;
    private String postalCode;
    private String country;
    private String createdAt;

    public static String pk(String id) { return "BUILDING#" + id; }
    public static String byOrganisation(String orgId) { return "ORG#" + orgId + "#BUILDINGS"; }

    /** A building with its keys; the address is set by the caller. */
    public static BuildingItem of(String id, String organisationId, String name, String now) {
        BuildingItem building = new BuildingItem();
        building.setPk(pk(id));
        building.setSk("PROFILE");
        building.setGsi1pk(byOrganisation(organisationId));
        building.setGsi1sk(id);
        building.setId(id);
        building.setOrganisationId(organisationId);
        building.setName(name);
        building.setCreatedAt(now);
        return building;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<BuildingItem> SCHEMA = ItemSchema.item(BuildingItem.class, BuildingItem::new)
            .text("id", BuildingItem::getId, BuildingItem::setId)
            .text("organisationId", BuildingItem::getOrganisationId, BuildingItem::setOrganisationId)
            .text("name", BuildingItem::getName, BuildingItem::setName)
            .text("street", BuildingItem::getStreet, BuildingItem::setStreet)
            .text("city", BuildingItem::getCity, BuildingItem::setCity)
            .text("postalCode", BuildingItem::getPostalCode, BuildingItem::setPostalCode)
            .text("country", BuildingItem::getCountry, BuildingItem::setCountry)
            .text("createdAt", BuildingItem::getCreatedAt, BuildingItem::setCreatedAt)
            .build();
}
