package app.domus.listings.listings;

import java.util.List;

/**
 * The listing events' payloads: the listing's searchable state as it is after the change (what a search index, a cache or
 * a saved-search matcher needs), and for {@code ListingUpdated} what changed and the price before.
 */
public final class ListingEvents {
    public static final String CREATED = "ListingCreated";
    public static final String UPDATED = "ListingUpdated";
    public static final String PUBLISHED = "ListingPublished";
    public static final String WITHDRAWN = "ListingWithdrawn";

    private ListingEvents() {}

    public record Snapshot(String listingId, String agencyId, String realtorId, String status, String propertyType, String offer,
                           long priceMinor, String currency, String city, String district, double latitude, double longitude,
                           String geohash, Integer rooms, Double areaSqm) {
        static Snapshot of(ListingItem l) {
            return new Snapshot(l.getId(), l.getAgencyId(), l.getRealtorId(), l.getStatus(), l.getPropertyType(), l.getOffer(),
                    l.getPriceMinor(), l.getCurrency(), l.getCity(), l.getDistrict(), l.getLatitude(), l.getLongitude(),
                    l.getGeohash(), l.getRooms(), l.getAreaSqm());
        }
    }

    /** {@code previousPriceMinor} is set only when the price changed ({@code changes} then holds "price"). */
    public record Updated(Snapshot listing, List<String> changes, Long previousPriceMinor, String previousCurrency) {}
}
