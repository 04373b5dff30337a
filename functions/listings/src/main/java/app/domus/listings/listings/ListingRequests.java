package app.domus.listings.listings;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.List;
import java.util.regex.Pattern;

/** Bodies of the listing routes, with their checks; nested parts report their fields by path ({@code pricing.amountMinor}). */
public final class ListingRequests {
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    public static final int MAX_PHOTOS = 20;
    static final long MAX_PRICE_MINOR = 10_000_000_000_000L;

    private ListingRequests() {}

    public enum PropertyType { APARTMENT, HOUSE, STUDIO, COMMERCIAL, LAND }

    public enum Offer { SALE, RENT }

    public record Address(String street, String postcode, String city, String district, Double latitude, Double longitude) {
        void validate(Validator v, String at) {
            v.text(at + ".street", street, 1, 200, false);
            v.text(at + ".postcode", postcode, 1, 20, false);
            v.text(at + ".city", city, 1, 100, true);
            v.text(at + ".district", district, 1, 100, false);
            if (v.required(at + ".latitude", latitude)) v.check(latitude >= -90 && latitude <= 90, at + ".latitude", "must be between -90 and 90");
            if (v.required(at + ".longitude", longitude)) v.check(longitude >= -180 && longitude <= 180, at + ".longitude", "must be between -180 and 180");
        }
    }

    public record Property(String type, Address address, Integer rooms, Double areaSqm, List<String> features) {
        void validate(Validator v, boolean whole) {
            v.oneOf("property.type", type, PropertyType.class, whole);
            if (address != null) address.validate(v, "property.address");
            else if (whole) v.error("property.address", "is required");
            v.range("property.rooms", rooms, 0, 100, whole);
            if (areaSqm != null) v.check(areaSqm > 0 && areaSqm <= 1_000_000, "property.areaSqm", "must be more than 0 and at most 1000000");
            if (features != null) {
                v.size("property.features", features, 0, 30);
                for (int i = 0; i < features.size(); i++) v.text("property.features." + i, features.get(i), 1, 40, true);
            }
        }
    }

    public record Pricing(String offer, Long amountMinor, String currency) {
        void validate(Validator v, boolean whole) {
            v.oneOf("pricing.offer", offer, Offer.class, whole);
            v.range("pricing.amountMinor", amountMinor, 1, MAX_PRICE_MINOR, whole);
            v.matches("pricing.currency", currency, CURRENCY, "must be an ISO 4217 code such as EUR", whole);
        }
    }

    public record PhotoRef(String uploadId) {}

    /** {@code POST /listings}. */
    public record CreateListing(Property property, String description, Pricing pricing, List<PhotoRef> photos) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("property", property)) property.validate(v, true);
            v.text("description", description, 1, 5000, false);
            if (v.required("pricing", pricing)) pricing.validate(v, true);
            if (photos != null) {
                v.size("photos", photos, 0, MAX_PHOTOS);
                for (int i = 0; i < photos.size(); i++) {
                    v.id("photos." + i + ".uploadId", photos.get(i) == null ? null : photos.get(i).uploadId(), true);
                }
            }
        }

        public List<String> uploadIds() {
            return photos == null ? List.of() : photos.stream().map(PhotoRef::uploadId).toList();
        }
    }

    /** {@code PATCH /listings/{listingId}}: only what is given changes (an address is replaced whole). */
    public record UpdateListing(Property property, String description, Pricing pricing) implements Validated {
        @Override
        public void validate(Validator v) {
            if (property != null) property.validate(v, false);
            v.text("description", description, 1, 5000, false);
            if (pricing != null) pricing.validate(v, false);
            v.check(property != null || description != null || pricing != null, "body", "must change something");
        }
    }

    /** {@code POST /listings/{listingId}/photos}. */
    public record AddPhoto(String uploadId) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("uploadId", uploadId, true);
        }
    }
}
