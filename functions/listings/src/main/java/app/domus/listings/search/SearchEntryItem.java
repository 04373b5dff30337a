package app.domus.listings.search;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One published listing in one search scope: pk {@code LSEARCH#<scope>} (a city {@code CITY#<city>}, a district
 * {@code DISTRICT#<city>#<district>}, a geohash cell {@code GEO5#<5 characters>} and {@code GEO6#<6 characters>}), sk {@code P#<price, 16 digits>#<listingId>}
 * (by price), gsi1 the same scope / {@code T#<publishedAt>#<listingId>} (newest first). Holds what a result card shows.
 */
public class SearchEntryItem extends TableItem {
    private String listingId;
    private String propertyType;
    private String offer;
    private Long priceMinor;
    private String currency;
    private Integer rooms;
    private Double areaSqm;
    private String city;
    private String district;
    private Double latitude;
    private Double longitude;
    private String publishedAt;

    public static String pk(String scope) { return "LSEARCH#" + scope; }
    public static String sk(long priceMinor, String listingId) { return "P#" + String.format("%016d", priceMinor) + "#" + listingId; }
    public static String byTime(String publishedAt, String listingId) { return "T#" + publishedAt + "#" + listingId; }

    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getPropertyType() { return propertyType; }
    public void setPropertyType(String propertyType) { this.propertyType = propertyType; }
    public String getOffer() { return offer; }
    public void setOffer(String offer) { this.offer = offer; }
    public Long getPriceMinor() { return priceMinor; }
    public void setPriceMinor(Long priceMinor) { this.priceMinor = priceMinor; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Integer getRooms() { return rooms; }
    public void setRooms(Integer rooms) { this.rooms = rooms; }
    public Double getAreaSqm() { return areaSqm; }
    public void setAreaSqm(Double areaSqm) { this.areaSqm = areaSqm; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = district; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<SearchEntryItem> SCHEMA = ItemSchema.item(SearchEntryItem.class, SearchEntryItem::new)
            .text("listingId", SearchEntryItem::getListingId, SearchEntryItem::setListingId)
            .text("propertyType", SearchEntryItem::getPropertyType, SearchEntryItem::setPropertyType)
            .text("offer", SearchEntryItem::getOffer, SearchEntryItem::setOffer)
            .attribute(Long.class, "priceMinor", SearchEntryItem::getPriceMinor, SearchEntryItem::setPriceMinor)
            .text("currency", SearchEntryItem::getCurrency, SearchEntryItem::setCurrency)
            .attribute(Integer.class, "rooms", SearchEntryItem::getRooms, SearchEntryItem::setRooms)
            .attribute(Double.class, "areaSqm", SearchEntryItem::getAreaSqm, SearchEntryItem::setAreaSqm)
            .text("city", SearchEntryItem::getCity, SearchEntryItem::setCity)
            .text("district", SearchEntryItem::getDistrict, SearchEntryItem::setDistrict)
            .attribute(Double.class, "latitude", SearchEntryItem::getLatitude, SearchEntryItem::setLatitude)
            .attribute(Double.class, "longitude", SearchEntryItem::getLongitude, SearchEntryItem::setLongitude)
            .text("publishedAt", SearchEntryItem::getPublishedAt, SearchEntryItem::setPublishedAt)
            .build();
}
