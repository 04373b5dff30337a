package app.domus.listings.alerts;

import app.domus.listings.ListingsComponent;
import app.domus.listings.listings.ListingEvents;
import app.domus.listings.listings.ListingService;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * On {@code ListingPublished}, and on {@code ListingUpdated} when a published listing's price dropped: the people whose
 * saved searches match it are alerted ({@link SavedSearches#alert}). ListingPublished carries the listing at the top of
 * its payload; ListingUpdated nests it under {@code listing}, with {@code previousPriceMinor} when the price changed.
 */
public class SavedSearchAlertsHandler extends EventConsumer<JsonNode> {
    private final SavedSearches searches;

    public SavedSearchAlertsHandler() {
        this(ListingsComponent.create());
    }

    private SavedSearchAlertsHandler(ListingsComponent wiring) {
        this(wiring.idempotency(), wiring.savedSearches());
    }

    public SavedSearchAlertsHandler(IdempotencyStore idempotency, SavedSearches searches) {
        super(JsonNode.class, idempotency, ListingEvents.PUBLISHED, ListingEvents.UPDATED);
        this.searches = searches;
    }

    @Override
    protected void handle(JsonNode payload) {
        boolean updated = payload.has("listing");
        ListingEvents.Snapshot listing = Json.MAPPER.convertValue(updated ? payload.path("listing") : payload, ListingEvents.Snapshot.class);
        if (!ListingService.PUBLISHED.equals(listing.status())) return;
        if (updated) {
            JsonNode before = payload.path("previousPriceMinor");
            boolean dropped = before.isNumber() && before.asLong() > listing.priceMinor()
                    && listing.currency().equals(payload.path("previousCurrency").asText(listing.currency()));
            if (!dropped) return;
        }
        searches.alert(listing);
    }
}
