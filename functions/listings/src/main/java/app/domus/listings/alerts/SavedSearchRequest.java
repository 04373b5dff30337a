package app.domus.listings.alerts;

import app.domus.listings.listings.ListingRequests;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;

/** {@code POST /saved-searches {criteria: {location, type, priceMin, priceMax, rooms}, alertSettings: {frequency}}}. */
public record SavedSearchRequest(Criteria criteria, AlertSettings alertSettings) implements Validated {
    public record Criteria(String location, String type, Long priceMin, Long priceMax, Integer rooms) {}

    public record AlertSettings(String frequency) {}

    @Override
    public void validate(Validator v) {
        if (v.required("criteria", criteria)) {
            if (v.required("criteria.location", criteria.location())) {
                String[] parts = criteria.location().split("/", 2);
                v.text("criteria.location", parts[0], 1, 100, true);
                if (parts.length > 1) v.text("criteria.location", parts[1], 1, 100, true);
            }
            v.oneOf("criteria.type", criteria.type(), ListingRequests.PropertyType.class, false);
            v.range("criteria.priceMin", criteria.priceMin(), 0, Long.MAX_VALUE, false);
            v.range("criteria.priceMax", criteria.priceMax(), 0, Long.MAX_VALUE, false);
            if (criteria.priceMin() != null && criteria.priceMax() != null) {
                v.check(criteria.priceMin() <= criteria.priceMax(), "criteria.priceMax", "must not be less than priceMin");
            }
            v.range("criteria.rooms", criteria.rooms(), 0, 100, false);
        }
        if (v.required("alertSettings", alertSettings) && v.required("alertSettings.frequency", alertSettings.frequency())) {
            v.check(SavedSearches.INSTANT.equals(alertSettings.frequency()) || SavedSearches.DAILY.equals(alertSettings.frequency()),
                    "alertSettings.frequency", "must be instant or daily");
        }
    }

    public String city() {
        return criteria.location().split("/", 2)[0].strip();
    }

    public String district() {
        String[] parts = criteria.location().split("/", 2);
        return parts.length > 1 ? parts[1].strip() : null;
    }
}
