package app.domus.listings.search;

import app.domus.listings.ListingsComponent;
import app.domus.listings.listings.ListingEvents;
import app.domus.shared.events.EventConsumer;
import app.domus.shared.idempotency.IdempotencyStore;
import java.util.Map;

/**
 * On {@code ListingPublished}, {@code ListingUpdated} and {@code ListingWithdrawn}: the listing's search entries follow
 * it, and the search cache of the scopes it leaves or enters is invalidated ({@link SearchIndexer}).
 */
public class IndexListingHandler extends EventConsumer<IndexListingHandler.Touched> {
    /** ListingUpdated nests the listing; the other two carry it at the top. */
    public record Touched(String listingId, Map<String, Object> listing) {
        String id() {
            return listingId != null ? listingId : String.valueOf(listing.get("listingId"));
        }
    }

    private final SearchIndexer indexer;

    public IndexListingHandler() {
        this(ListingsComponent.create());
    }

    private IndexListingHandler(ListingsComponent wiring) {
        this(wiring.idempotency(), wiring.indexer());
    }

    public IndexListingHandler(IdempotencyStore idempotency, SearchIndexer indexer) {
        super(Touched.class, idempotency, ListingEvents.PUBLISHED, ListingEvents.UPDATED, ListingEvents.WITHDRAWN);
        this.indexer = indexer;
    }

    @Override
    protected void handle(Touched event) {
        indexer.reindex(event.id());
    }
}
