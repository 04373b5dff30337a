package app.domus.listings.alerts;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's saved search: pk {@code SAVEDSEARCH#<id>}, sk {@code SAVEDSEARCH}; gsi1 {@code SSMATCH#<scope>#<type or ANY>}
 * / {@code SAVEDSEARCH#<id>} (its region, a city or a district, and its type: what a published listing looks up, so the
 * matcher never reads saved searches of other regions or types; an unsubscribed search leaves it); gsi2 {@code USER#<userId>#SAVEDSEARCHES} / {@code <createdAt>}.
 */
public class SavedSearchItem extends TableItem {
    public static final String SK = "SAVEDSEARCH";
    public static final String ANY_TYPE = "ANY";

    private String id;
    private String userId;
    private String city;
    private String district;
    private String propertyType;
    private Long priceMin;
    private Long priceMax;
    private Integer rooms;
    private String frequency;
    private String createdAt;
    private String unsubscribedAt;

    public static String pk(String id) { return "SAVEDSEARCH#" + id; }
    public static String matchKey(String scope, String type) { return "SSMATCH#" + scope + "#" + (type == null ? ANY_TYPE : type); }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public String getPropertyType() { return propertyType; }
    public void setPropertyType(String propertyType) { this.propertyType = propertyType; }
    public Long getPriceMin() { return priceMin; }
    public void setPriceMin(Long priceMin) { this.priceMin = priceMin; }
    public Long getPriceMax() { return priceMax; }
    public void setPriceMax(Long priceMax) { this.priceMax = priceMax; }
    public Integer getRooms() { return rooms; }
    public void setRooms(Integer rooms) { this.rooms = rooms; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUnsubscribedAt() { return unsubscribedAt; }
    public void setUnsubscribedAt(String unsubscribedAt) { this.unsubscribedAt = unsubscribedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<SavedSearchItem> SCHEMA = ItemSchema.item(SavedSearchItem.class, SavedSearchItem::new)
            .text("id", SavedSearchItem::getId, SavedSearchItem::setId)
            .text("userId", SavedSearchItem::getUserId, SavedSearchItem::setUserId)
            .text("city", SavedSearchItem::getCity, SavedSearchItem::setCity)
            .text("district", SavedSearchItem::getDistrict, SavedSearchItem::setDistrict)
            .text("propertyType", SavedSearchItem::getPropertyType, SavedSearchItem::setPropertyType)
            .attribute(Long.class, "priceMin", SavedSearchItem::getPriceMin, SavedSearchItem::setPriceMin)
            .attribute(Long.class, "priceMax", SavedSearchItem::getPriceMax, SavedSearchItem::setPriceMax)
            .attribute(Integer.class, "rooms", SavedSearchItem::getRooms, SavedSearchItem::setRooms)
            .text("frequency", SavedSearchItem::getFrequency, SavedSearchItem::setFrequency)
            .text("createdAt", SavedSearchItem::getCreatedAt, SavedSearchItem::setCreatedAt)
            .text("unsubscribedAt", SavedSearchItem::getUnsubscribedAt, SavedSearchItem::setUnsubscribedAt)
            .build();
}
