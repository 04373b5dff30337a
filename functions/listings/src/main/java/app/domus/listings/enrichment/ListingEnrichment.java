package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingService;
import app.domus.listings.photos.ListingPhotoItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * Enrichment of a listing when it is created or its description or photos change: the provider's suggestions stored
 * for its agency to decide ({@link ListingSuggestions}), with {@code ListingEnriched}. It reads the table only (no
 * S3 client: Rekognition reads a photo by its S3 reference), so that its zip carries no S3 SDK.
 */
@Singleton
public class ListingEnrichment {
    public static final String ENRICHED = "ListingEnriched";

    private final DomusTable table;
    private final ListingEnricher enricher;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    public ListingEnrichment(DomusTable table, ListingEnricher enricher, Outbox outbox, Clock clock) {
        this.table = table;
        this.enricher = enricher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code ListingEnriched}: the labels newly suggested by one run of the enricher. */
    public record Enriched(String listingId, List<String> suggestions) {}

    /**
     * Runs the enricher on the listing and stores what it suggests that is new: not on the listing already and never
     * suggested before (a rejected label stays rejected). Idempotent: a second run over the same listing adds nothing.
     *
     * @return the labels newly suggested
     */
    public List<Vocabulary.Label> enrich(String listingId) {
        ListingItem listing = table.get(ListingItem.class, ListingItem.pk(listingId), ListingItem.SK).orElse(null);
        if (listing == null || ListingService.WITHDRAWN.equals(listing.getStatus())) return List.of();
        Set<Vocabulary.Label> known = SuggestionItem.of(table, listingId).stream().map(SuggestionItem::label).collect(Collectors.toSet());
        Set<String> onListing = new java.util.HashSet<>(Objects.requireNonNullElse(listing.getFeatures(), List.of()));
        onListing.addAll(Objects.requireNonNullElse(listing.getTags(), List.of()));
        String now = clock.instant().toString();
        List<SuggestionItem> fresh = new ArrayList<>();
        for (ListingEnricher.Suggested s : enricher.enrich(listing, photoKeys(listingId))) {
            if (known.contains(s.label()) || onListing.contains(s.label().value())) continue;
            SuggestionItem item = new SuggestionItem();
            item.setPk(ListingItem.pk(listingId));
            item.setSk(SuggestionItem.sk(s.label()));
            item.setListingId(listingId);
            item.setKind(s.label().kind().wire());
            item.setValue(s.label().value());
            item.setConfidence(Math.round(s.confidence() * 1000) / 1000.0);
            item.setSource(s.source());
            item.setStatus(SuggestionItem.SUGGESTED);
            item.setSuggestedAt(now);
            fresh.add(item);
        }
        if (fresh.isEmpty()) return List.of();
        var transaction = TransactWriteItemsEnhancedRequest.builder();
        // New items carry no version: each put is conditional on the suggestion not being there yet.
        fresh.forEach(item -> transaction.addPutItem(table.of(SuggestionItem.class), item));
        List<Vocabulary.Label> labels = fresh.stream().map(SuggestionItem::label).toList();
        outbox.add(transaction, ENRICHED, listing.getAgencyId(), listingId,
                new Enriched(listingId, labels.stream().map(Vocabulary.Label::id).toList()));
        table.client().transactWriteItems(transaction.build());
        return labels;
    }

    /** The keys of the listing's photos' originals, in their order. */
    private List<String> photoKeys(String listingId) {
        return table.all(ListingPhotoItem.class, ListingItem.pk(listingId), "PHOTO#").stream()
                .sorted(java.util.Comparator.comparing(ListingPhotoItem::getPosition)).map(ListingPhotoItem::getOriginalKey).toList();
    }
}
