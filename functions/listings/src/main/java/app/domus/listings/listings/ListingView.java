package app.domus.listings.listings;

import java.util.List;

/**
 * A listing as the API shows it: photos by their thumbnails only (the originals keep the camera's metadata); {@code tags}
 * are those its agency accepted from enrichment.
 */
public record ListingView(String listingId, String agencyId, String realtorId, String status, Property property,
                          String description, List<String> tags, Pricing pricing, List<Photo> photos, List<PriceChange> priceHistory,
                          String createdAt, String updatedAt, String publishedAt, String withdrawnAt, long version,
                          ListingStats.Analytics analytics) {

    /** With its analytics (views, inquiries): shown to the listing's agency only. */
    public ListingView withAnalytics(ListingStats.Analytics stats) {
        return new ListingView(listingId, agencyId, realtorId, status, property, description, tags, pricing, photos, priceHistory,
                createdAt, updatedAt, publishedAt, withdrawnAt, version, stats);
    }

    public record Address(String street, String postcode, String city, String district, double latitude, double longitude, String geohash) {}

    public record Property(String type, Address address, Integer rooms, Double areaSqm, List<String> features) {}

    public record Pricing(String offer, long amountMinor, String currency) {}

    public record Thumbnail(int width, int height, String url) {}

    public record Photo(String photoId, int position, String status, List<Thumbnail> thumbnails) {}

    public record PriceChange(long fromMinor, long toMinor, String currency, String changedAt) {}
}
