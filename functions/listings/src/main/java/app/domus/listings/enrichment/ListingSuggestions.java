package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingService;
import app.domus.shared.auth.Caller;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A listing's suggested labels ({@link ListingEnrichment} makes them), kept with their decision, and accepted (the
 * label joins the listing's features or tags) or rejected by the listing's agency.
 */
@Singleton
public class ListingSuggestions {
    private final DomusTable table;
    private final ListingService listings;
    private final Clock clock;

    @Inject
    public ListingSuggestions(DomusTable table, ListingService listings, Clock clock) {
        this.table = table;
        this.listings = listings;
        this.clock = clock;
    }

    /** A suggestion as the API shows it. */
    public record View(String suggestionId, String kind, String value, double confidence, String source, String status,
                       String suggestedAt, String decidedAt) {
        static View of(SuggestionItem s) {
            return new View(s.label().id(), s.getKind(), s.getValue(), Objects.requireNonNullElse(s.getConfidence(), 0.0),
                    s.getSource(), s.getStatus(), s.getSuggestedAt(), s.getDecidedAt());
        }
    }

    /** The listing's suggestions for its agency: open ones first, then by confidence. */
    public List<View> list(Caller caller, String listingId) {
        listings.ownedBy(caller, listingId);
        return stored(listingId).stream()
                .sorted(Comparator.comparing((SuggestionItem s) -> !SuggestionItem.SUGGESTED.equals(s.getStatus()))
                        .thenComparing(s -> -Objects.requireNonNullElse(s.getConfidence(), 0.0)))
                .map(View::of).toList();
    }

    /**
     * Accepts or rejects a suggestion. Deciding again the same way answers the same; changing a decision is refused
     * (the listing's features are edited with {@code PATCH /listings/{id}} from then on).
     */
    public View decide(Caller caller, String listingId, String suggestionId, String status) {
        ListingItem listing = listings.ownedBy(caller, listingId);
        Vocabulary.Label label = Vocabulary.Label.parse(suggestionId).orElseThrow(() -> ApiException.notFound("Suggestion"));
        SuggestionItem suggestion = table.get(SuggestionItem.class, ListingItem.pk(listingId), SuggestionItem.sk(label))
                .orElseThrow(() -> ApiException.notFound("Suggestion"));
        if (status.equals(suggestion.getStatus())) return View.of(suggestion);
        if (!SuggestionItem.SUGGESTED.equals(suggestion.getStatus())) {
            throw new ApiException(ProblemType.INVALID_STATE, "This suggestion was already " + suggestion.getStatus());
        }
        suggestion.setStatus(status);
        suggestion.setDecidedAt(clock.instant().toString());
        suggestion.setDecidedBy(caller.userId());
        try {
            if (SuggestionItem.ACCEPTED.equals(status)) {
                listings.addLabel(listing, label, transaction -> transaction.addUpdateItem(table.of(SuggestionItem.class), suggestion));
            } else {
                table.client().transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addUpdateItem(table.of(SuggestionItem.class), suggestion).build());
            }
        } catch (TransactionCanceledException decidedMeanwhile) {
            throw ApiException.conflict("The suggestion was decided at the same time; read it and try again");
        }
        return View.of(suggestion);
    }

    private List<SuggestionItem> stored(String listingId) {
        return SuggestionItem.of(table, listingId);
    }
}
