package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingItem;
import java.util.List;

/** Reads a listing (its description, and where the provider can see them, its photos) and suggests labels for it. */
public interface ListingEnricher {
    /** A label suggested, how sure the provider is (0 to 1), and which provider said so. */
    record Suggested(Vocabulary.Label label, double confidence, String source) {}

    List<Suggested> enrich(ListingItem listing, List<String> photoKeys);
}
