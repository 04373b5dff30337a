package app.domus.listings.listings;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A property listed by a realtor: pk {@code LISTING#<id>}, sk {@code LISTING}; gsi1 {@code AGENCY#<agencyId>} /
 * {@code LISTING#<createdAt>#<id>} (an agency's listings). Status {@code draft} → {@code published} → {@code withdrawn}.
 * The price is in minor units of {@code currency}; {@code geohash} (precision 7) is the search's location key.
 */
public class ListingItem extends TableItem {
    public static final String SK = "LISTING";

    private String id;
    private String agencyId;
    private String realtorId;
    private String status;
    private String propertyType;
    private String street;
    private String postcode;
    private String city;
    private String district;
    private Double latitude;
    private Double longitude;
    private String geohash;
    private Integer rooms;
    private Double areaSqm;
    private List<String> features;
    private List<String> tags;
    private String description;
    private String offer;
    private Long priceMinor;
    private String currency;
    private String createdAt;
    private String updatedAt;
    private String publishedAt;
    private String withdrawnAt;

    public static String pk(String id) { return "LISTING#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getRealtorId() { return realtorId; }
    public void setRealtorId(String realtorId) { this.realtorId = realtorId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getPropertyType() { return propertyType; }
    public void setPropertyType(String propertyType) { this.propertyType = propertyType; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public String getGeohash() { return geohash; }
    public void setGeohash(String geohash) { this.geohash = geohash; }
    public Integer getRooms() { return rooms; }
    public void setRooms(Integer rooms) { this.rooms = rooms; }
    public Double getAreaSqm() { return areaSqm; }
    public void setAreaSqm(Double areaSqm) { this.areaSqm = areaSqm; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public List<String> getFeatures() { return features; }
    public void setFeatures(List<String> features) { this.features = features; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOffer() { return offer; }
    public void setOffer(String offer) { this.offer = offer; }
    public Long getPriceMinor() { return priceMinor; }
    public void setPriceMinor(Long priceMinor) { this.priceMinor = priceMinor; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }
    public String getWithdrawnAt() { return withdrawnAt; }
    public void setWithdrawnAt(String withdrawnAt) { this.withdrawnAt = withdrawnAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ListingItem> SCHEMA = ItemSchema.item(ListingItem.class, ListingItem::new)
            .text("id", ListingItem::getId, ListingItem::setId)
            .text("agencyId", ListingItem::getAgencyId, ListingItem::setAgencyId)
            .text("realtorId", ListingItem::getRealtorId, ListingItem::setRealtorId)
            .text("status", ListingItem::getStatus, ListingItem::setStatus)
            .text("propertyType", ListingItem::getPropertyType, ListingItem::setPropertyType)
            .text("street", ListingItem::getStreet, ListingItem::setStreet)
            .text("postcode", ListingItem::getPostcode, ListingItem::setPostcode)
            .text("city", ListingItem::getCity, ListingItem::setCity)
            .text("district", ListingItem::getDistrict, ListingItem::setDistrict)
            .attribute(Double.class, "latitude", ListingItem::getLatitude, ListingItem::setLatitude)
            .attribute(Double.class, "longitude", ListingItem::getLongitude, ListingItem::setLongitude)
            .text("geohash", ListingItem::getGeohash, ListingItem::setGeohash)
            .attribute(Integer.class, "rooms", ListingItem::getRooms, ListingItem::setRooms)
            .attribute(Double.class, "areaSqm", ListingItem::getAreaSqm, ListingItem::setAreaSqm)
            .textList("features", ListingItem::getFeatures, ListingItem::setFeatures)
            .textList("tags", ListingItem::getTags, ListingItem::setTags)
            .text("description", ListingItem::getDescription, ListingItem::setDescription)
            .text("offer", ListingItem::getOffer, ListingItem::setOffer)
            .attribute(Long.class, "priceMinor", ListingItem::getPriceMinor, ListingItem::setPriceMinor)
            .text("currency", ListingItem::getCurrency, ListingItem::setCurrency)
            .text("createdAt", ListingItem::getCreatedAt, ListingItem::setCreatedAt)
            .text("updatedAt", ListingItem::getUpdatedAt, ListingItem::setUpdatedAt)
            .text("publishedAt", ListingItem::getPublishedAt, ListingItem::setPublishedAt)
            .text("withdrawnAt", ListingItem::getWithdrawnAt, ListingItem::setWithdrawnAt)
            .build();
}
