package app.domus.listings.search;

import app.domus.listings.listings.ListingRequests;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.validation.Validator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /listings?location=&priceMin=&priceMax=&rooms=&type=&sort=&limit=&cursor=}. {@code location} is a city
 * ({@code Berlin}), a district of one ({@code Berlin/Mitte}) or a circle ({@code near:52.53,13.38,2}: latitude, longitude
 * and a radius in km, 2 by default, at most 10). {@code rooms} is the least number of rooms. {@code sort} is
 * {@code newest} (the default), {@code price_asc}, {@code price_desc}, or {@code distance} (the default near a point).
 */
public record SearchQuery(String city, String district, Double latitude, Double longitude, Double radiusKm, Long priceMin,
                          Long priceMax, Integer rooms, String type, String sort, int limit, String cursor) {
    private static final Pattern NEAR = Pattern.compile("^near:(-?\\d{1,2}(?:\\.\\d+)?),(-?\\d{1,3}(?:\\.\\d+)?)(?:,(\\d{1,2}(?:\\.\\d+)?))?$");
    public static final String NEWEST = "newest";
    public static final String PRICE_ASC = "price_asc";
    public static final String PRICE_DESC = "price_desc";
    public static final String DISTANCE = "distance";

    public boolean near() { return latitude != null; }

    public static SearchQuery parse(HttpRequest request) {
        Validator v = new Validator();
        String location = request.query("location").map(String::strip).orElse(null);
        String city = null, district = null;
        Double lat = null, lon = null, radius = null;
        if (v.required("location", location)) {
            Matcher near = NEAR.matcher(location);
            if (location.startsWith("near:")) {
                if (!near.matches()) {
                    v.error("location", "must be near:<latitude>,<longitude>[,<radius km>]");
                } else {
                    lat = Double.parseDouble(near.group(1));
                    lon = Double.parseDouble(near.group(2));
                    radius = near.group(3) == null ? 2.0 : Double.parseDouble(near.group(3));
                    v.check(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180, "location", "is not a point on Earth");
                    v.check(radius > 0 && radius <= Scopes.MAX_RADIUS_KM, "location", "radius must be more than 0 and at most 10 km");
                }
            } else {
                String[] parts = location.split("/", 2);
                city = parts[0].strip();
                district = parts.length > 1 ? parts[1].strip() : null;
                v.text("location", city, 1, 100, true);
                if (district != null) v.text("location", district, 1, 100, true);
            }
        }
        Long priceMin = number(request, "priceMin", v);
        Long priceMax = number(request, "priceMax", v);
        if (priceMin != null && priceMax != null) v.check(priceMin <= priceMax, "priceMax", "must not be less than priceMin");
        Long rooms = number(request, "rooms", v);
        if (rooms != null) v.range("rooms", rooms, 0, 100, false);
        String type = request.query("type").orElse(null);
        if (type != null) v.oneOf("type", type, ListingRequests.PropertyType.class, false);
        String sort = request.query("sort").orElse(lat != null ? DISTANCE : NEWEST);
        v.check(sort.equals(NEWEST) || sort.equals(PRICE_ASC) || sort.equals(PRICE_DESC) || (sort.equals(DISTANCE) && lat != null),
                "sort", lat != null ? "must be newest, price_asc, price_desc or distance" : "must be newest, price_asc or price_desc (distance needs location=near:)");
        Long limit = number(request, "limit", v);
        if (limit != null) v.range("limit", limit, 1, 50, false);
        v.throwIfInvalid();
        return new SearchQuery(city, district, lat, lon, radius, priceMin, priceMax, rooms == null ? null : rooms.intValue(),
                type == null ? null : type.toLowerCase(Locale.ROOT), sort, limit == null ? 20 : limit.intValue(),
                request.query("cursor").orElse(null));
    }

    /** The scope a city or district query reads. */
    public String scope() {
        return district != null ? Scopes.district(city, district) : Scopes.city(city);
    }

    /** The query without its cursor, the same text for the same search however it was written. */
    public String normalised() {
        return String.join(";", near() ? "near=" + latitude + "," + longitude + "," + radiusKm : "in=" + scope(),
                "min=" + priceMin, "max=" + priceMax, "rooms=" + rooms, "type=" + type, "sort=" + sort, "limit=" + limit);
    }

    boolean matches(SearchEntryItem e) {
        return (priceMin == null || e.getPriceMinor() >= priceMin) && (priceMax == null || e.getPriceMinor() <= priceMax)
                && (rooms == null || (e.getRooms() != null && e.getRooms() >= rooms)) && (type == null || type.equals(e.getPropertyType()));
    }

    private static Long number(HttpRequest request, String name, Validator v) {
        Optional<String> value = request.query(name);
        if (value.isEmpty()) return null;
        try {
            long n = Long.parseLong(value.get());
            if (n < 0) v.error(name, "must not be negative");
            return n;
        } catch (NumberFormatException e) {
            v.error(name, "must be a whole number");
            return null;
        }
    }
}
