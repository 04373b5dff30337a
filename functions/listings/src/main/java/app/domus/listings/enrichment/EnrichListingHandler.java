package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * On {@code ListingCreated}, and on {@code ListingUpdated} when the description or the photos changed: the listing is
 * enriched ({@link ListingEnrichment#enrich}); other updates say nothing new to a model and are skipped.
 */
public class EnrichListingHandler extends EventConsumer<EnrichListingHandler.Touched> {
    private static final Set<String> WORTH_READING = Set.of("description", "photos");

    /** ListingCreated carries the listing at the top; ListingUpdated nests it beside its changes. */
    public record Touched(String listingId, Map<String, Object> listing, List<String> changes) {
        String id() {
            return listingId != null ? listingId : String.valueOf(listing.get("listingId"));
        }

        boolean worthReading() {
            return changes == null || changes.stream().anyMatch(WORTH_READING::contains);
        }
    }

    private final ListingEnrichment enrichment;

    public EnrichListingHandler() {
        this(EnrichmentComponent.create());
    }

    private EnrichListingHandler(EnrichmentComponent wiring) {
        this(wiring.idempotency(), wiring.enrichment());
    }

    public EnrichListingHandler(IdempotencyStore idempotency, ListingEnrichment enrichment) {
        super(Touched.class, idempotency, ListingEvents.CREATED, ListingEvents.UPDATED);
        this.enrichment = enrichment;
    }

    @Override
    protected void handle(Touched event) {
        if (event.worthReading()) enrichment.enrich(event.id());
    }
}
