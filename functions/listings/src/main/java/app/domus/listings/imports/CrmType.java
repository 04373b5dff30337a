package app.domus.listings.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CRMs an import reads, each with its default field mapping (our field → the CRM's field; {@code =VALUE} a
 * constant) and the CRM's values of property type and offer that mean ours.
 * <ul>
 * <li>{@code reso}: a RESO Web API server (OData 4, RESO Data Dictionary 2.0 field names: {@code Property} with
 * {@code ListingKey}, {@code ListPrice}, {@code PropertyType}/{@code PropertySubType}, {@code Media} expanded), as MLS
 * systems and CRMs such as Propertybase or Rex expose it; OAuth 2 client credentials.</li>
 * <li>{@code kyero}: a Kyero XML feed, version 3 ({@code <root><kyero><feed_version>3</feed_version></kyero><property>…}),
 * the format many European agency CRMs export for portals; an absolute feed (every property each time), optionally behind
 * HTTP basic authentication.</li>
 * </ul>
 */
public enum CrmType {
    RESO(Map.ofEntries(
            Map.entry("crmId", "ListingKey"), Map.entry("type", "PropertySubType"), Map.entry("offer", "PropertyType"),
            Map.entry("price", "ListPrice"), Map.entry("currency", "=EUR"), Map.entry("street", "UnparsedAddress"),
            Map.entry("postcode", "PostalCode"), Map.entry("city", "City"), Map.entry("district", "SubdivisionName"),
            Map.entry("latitude", "Latitude"), Map.entry("longitude", "Longitude"), Map.entry("rooms", "BedroomsTotal"),
            Map.entry("areaSqm", "LivingArea"), Map.entry("description", "PublicRemarks"), Map.entry("features", "InteriorFeatures")),
            Map.of("apartment", "apartment", "condominium", "apartment", "duplex", "apartment", "singlefamilyresidence", "house",
                    "townhouse", "house", "studio", "studio", "unimprovedland", "land", "land", "land", "office", "commercial",
                    "retail", "commercial"),
            Map.of("residential", "sale", "residentiallease", "rent", "land", "sale", "commercialsale", "sale",
                    "commerciallease", "rent")),
    KYERO(Map.ofEntries(
            Map.entry("crmId", "id"), Map.entry("type", "type"), Map.entry("offer", "price_freq"), Map.entry("price", "price"),
            Map.entry("currency", "currency"), Map.entry("street", "address"), Map.entry("postcode", "postcode"),
            Map.entry("city", "town"), Map.entry("district", "location_detail"), Map.entry("latitude", "location/latitude"),
            Map.entry("longitude", "location/longitude"), Map.entry("rooms", "beds"), Map.entry("areaSqm", "surface_area/built"),
            Map.entry("description", "desc/en"), Map.entry("features", "features/feature")),
            Map.ofEntries(Map.entry("apartment", "apartment"), Map.entry("flat", "apartment"), Map.entry("penthouse", "apartment"),
                    Map.entry("duplex", "apartment"), Map.entry("villa", "house"), Map.entry("house", "house"),
                    Map.entry("town house", "house"), Map.entry("townhouse", "house"), Map.entry("country house", "house"),
                    Map.entry("finca", "house"), Map.entry("bungalow", "house"), Map.entry("studio", "studio"),
                    Map.entry("plot", "land"), Map.entry("land", "land"), Map.entry("commercial", "commercial"),
                    Map.entry("office", "commercial"), Map.entry("shop", "commercial")),
            Map.of("sale", "sale", "month", "rent", "week", "rent"));

    /** Our fields that a mapping may name, besides {@code crmId}. */
    public static final List<String> TARGETS = List.of("type", "offer", "price", "currency", "street", "postcode", "city", "district",
            "latitude", "longitude", "rooms", "areaSqm", "description", "features");

    private final Map<String, String> fields;
    private final Map<String, String> propertyTypes;
    private final Map<String, String> offers;

    CrmType(Map<String, String> fields, Map<String, String> propertyTypes, Map<String, String> offers) {
        this.fields = fields;
        this.propertyTypes = propertyTypes;
        this.offers = offers;
    }

    public Map<String, String> fields() { return fields; }

    public Map<String, String> propertyTypes() { return propertyTypes; }

    public Map<String, String> offers() { return offers; }

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static CrmType of(String id) { return valueOf(id.toUpperCase(Locale.ROOT)); }
}
