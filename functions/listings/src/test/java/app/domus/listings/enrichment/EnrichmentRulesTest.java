package app.domus.listings.enrichment;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Refusals;
import app.domus.listings.listings.ListingEvents;
import app.domus.listings.listings.ListingItem;
import app.domus.listings.listings.ListingRequests;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.Images;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Enrichment with a scripted provider: what is stored of its suggestions, in which order they are listed, when it runs. */
class EnrichmentRulesTest {
    private final ListingsFixture f = new ListingsFixture();
    private final List<ListingEnricher.Suggested> script = new CopyOnWriteArrayList<>();
    private final List<List<String>> photosSeen = new CopyOnWriteArrayList<>();
    private final ListingEnricher scripted = (listing, photoKeys) -> {
        photosSeen.add(photoKeys);
        return List.copyOf(script);
    };
    private final ListingEnrichment enrichment = new ListingEnrichment(f.table, scripted, f.outbox, f.clock);
    private final ListingSuggestions suggestions = new ListingSuggestions(f.table, f.listings, f.clock);

    private static ListingEnricher.Suggested suggested(String id, double confidence) {
        return new ListingEnricher.Suggested(Vocabulary.Label.parse(id).orElseThrow(), confidence, "script");
    }

    private String listing(List<String> features) {
        return f.listings.create(caller(f.rita), new ListingRequests.CreateListing(
                new ListingRequests.Property("apartment", new ListingRequests.Address(null, null, "Basel", null, 47.55, 7.59), 3, 70.0, features),
                "A flat", new ListingRequests.Pricing("rent", 2_400_00L, "CHF"), null)).listingId();
    }

    private static List<String> ids(List<Vocabulary.Label> labels) {
        return labels.stream().map(Vocabulary.Label::id).toList();
    }

    @Test
    void aLabelIdIsItsKindAndAValueOfTheVocabulary() {
        assertThat(Vocabulary.Label.parse("feature-air-conditioning")).contains(new Vocabulary.Label(Vocabulary.Kind.FEATURE, "air-conditioning"));
        assertThat(Vocabulary.Label.parse("tag-family-friendly")).contains(new Vocabulary.Label(Vocabulary.Kind.TAG, "family-friendly"));
        assertThat(Vocabulary.Label.parse("tag-balcony")).as("a feature is no tag").isEmpty();
        assertThat(Vocabulary.Label.parse("feature-")).isEmpty();
        assertThat(Vocabulary.Label.parse("balcony")).isEmpty();
        assertThat(Vocabulary.Label.parse("-balcony")).isEmpty();
        assertThat(Vocabulary.Label.parse(null)).isEmpty();
        assertThat(new Vocabulary.Label(Vocabulary.Kind.TAG, "quiet").id()).isEqualTo("tag-quiet");
        assertThat(Vocabulary.named(" Sea View ")).contains(new Vocabulary.Label(Vocabulary.Kind.FEATURE, "sea-view"));
        assertThat(Vocabulary.named("Cosy")).contains(new Vocabulary.Label(Vocabulary.Kind.TAG, "cosy"));
        assertThat(Vocabulary.named("helipad")).isEmpty();
        assertThat(Vocabulary.named(null)).isEmpty();
        assertThat(Vocabulary.valuesOf(Vocabulary.Kind.TAG)).isSameAs(Vocabulary.TAGS);
        assertThat(Vocabulary.valuesOf(Vocabulary.Kind.FEATURE)).isSameAs(Vocabulary.FEATURES);
    }

    @Test
    void whatIsSuggestedIsStoredWithItsConfidenceRoundedAndWhatTheListingHasIsNot() {
        String id = listing(List.of("balcony"));
        f.events.clear();
        script.addAll(List.of(suggested("feature-balcony", 0.99), suggested("feature-garden", 0.87654), suggested("tag-quiet", 0.5)));

        assertThat(ids(enrichment.enrich(id))).containsExactly("feature-garden", "tag-quiet");

        SuggestionItem garden = f.table.get(SuggestionItem.class, ListingItem.pk(id), SuggestionItem.sk(Vocabulary.Label.parse("feature-garden").orElseThrow()))
                .orElseThrow();
        assertThat(garden.getConfidence()).isEqualTo(0.877);
        assertThat(garden.getKind()).isEqualTo("feature");
        assertThat(garden.getValue()).isEqualTo("garden");
        assertThat(garden.getSource()).isEqualTo("script");
        assertThat(garden.getStatus()).isEqualTo(SuggestionItem.SUGGESTED);
        assertThat(garden.getSuggestedAt()).isEqualTo(f.clock.instant().toString());
        DomainEvent enriched = f.events.ofType(ListingEnrichment.ENRICHED).getFirst();
        assertThat(enriched.organisationId()).isEqualTo(f.agencyA);
        assertThat(enriched.payload().path("listingId").asText()).isEqualTo(id);

        script.add(suggested("tag-bright", 0.6));
        assertThat(ids(enrichment.enrich(id))).as("only the new one").containsExactly("tag-bright");
        script.clear();
        assertThat(enrichment.enrich(id)).isEmpty();
        assertThat(f.events.ofType(ListingEnrichment.ENRICHED)).hasSize(2);
    }

    @Test
    void theProviderSeesThePhotosInTheirOrderAndAWithdrawnOrUnknownListingIsNotEnriched() {
        String id = listing(List.of());
        f.listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(f.sentUpload(f.rita, Images.jpeg())));
        f.listings.addPhoto(caller(f.rita), id, new ListingRequests.AddPhoto(f.sentUpload(f.rita, Images.png())));
        script.add(suggested("tag-cosy", 0.7));

        enrichment.enrich(id);
        List<String> expected = f.photos.of(id).stream().map(app.domus.listings.photos.ListingPhotoItem::getOriginalKey).toList();
        assertThat(photosSeen.getLast()).hasSize(2).isEqualTo(expected);

        f.listings.publish(caller(f.rita), id);
        f.listings.withdraw(caller(f.rita), id);
        script.add(suggested("tag-luxury", 0.7));
        int calls = photosSeen.size();
        assertThat(enrichment.enrich(id)).isEmpty();
        assertThat(enrichment.enrich("unknown")).isEmpty();
        assertThat(photosSeen).as("the provider is not asked").hasSize(calls);
    }

    @Test
    void suggestionsAreListedOpenOnesFirstThenByConfidence() {
        String id = listing(List.of());
        script.addAll(List.of(suggested("feature-garden", 0.55), suggested("feature-pool", 0.95), suggested("tag-quiet", 0.75),
                suggested("tag-bright", 0.99)));
        enrichment.enrich(id);
        suggestions.decide(caller(f.rita), id, "tag-bright", SuggestionItem.REJECTED);

        assertThat(suggestions.list(caller(f.ada), id)).extracting(ListingSuggestions.View::suggestionId)
                .containsExactly("feature-pool", "tag-quiet", "feature-garden", "tag-bright");
        var rejected = suggestions.list(caller(f.ada), id).getLast();
        assertThat(rejected.status()).isEqualTo("rejected");
        assertThat(rejected.decidedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(rejected.confidence()).isEqualTo(0.99);
        assertThat(f.table.get(SuggestionItem.class, ListingItem.pk(id), "SUGGESTION#tag-bright").orElseThrow().getDecidedBy()).isEqualTo(f.rita);
    }

    @Test
    void anAcceptedTagJoinsTheTagsAndASuggestionOfAnotherListingIsNotFound() {
        String id = listing(List.of());
        String other = listing(List.of());
        script.add(suggested("tag-quiet", 0.8));
        enrichment.enrich(id);

        var accepted = suggestions.decide(caller(f.rita), id, "tag-quiet", SuggestionItem.ACCEPTED);
        assertThat(accepted.status()).isEqualTo("accepted");
        assertThat(f.listings.find(id).orElseThrow().getTags()).containsExactly("quiet");
        assertThat(suggestions.decide(caller(f.rita), id, "tag-quiet", SuggestionItem.ACCEPTED).status()).as("again").isEqualTo("accepted");
        assertThat(Refusals.status(() -> suggestions.decide(caller(f.rita), id, "tag-quiet", SuggestionItem.REJECTED))).isEqualTo(409);
        assertThat(Refusals.detail(() -> suggestions.decide(caller(f.rita), id, "tag-quiet", SuggestionItem.REJECTED)))
                .isEqualTo("This suggestion was already accepted");
        assertThat(Refusals.status(() -> suggestions.decide(caller(f.rita), other, "tag-quiet", SuggestionItem.ACCEPTED))).isEqualTo(404);
        assertThat(Refusals.status(() -> suggestions.decide(caller(f.rita), id, "tag-cosy", SuggestionItem.ACCEPTED))).isEqualTo(404);
    }

    private DomainEvent event(String type, Object payload) {
        return new DomainEvent("01EVENT" + System.nanoTime(), type, 1, Instant.now(), f.agencyA, "test", Json.MAPPER.valueToTree(payload));
    }

    @Test
    void theConsumerEnrichesANewListingAndOneWhoseDescriptionOrPhotosChangedOnly() {
        String id = listing(List.of());
        var consumer = new EnrichListingHandler(f.idempotency, enrichment);
        script.add(suggested("tag-cosy", 0.7));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("listingId", id);

        for (List<String> changes : List.of(List.of("price"), List.of("type", "rooms", "address", "features"))) {
            Map<String, Object> updated = new LinkedHashMap<>(Map.of("listing", snapshot, "changes", changes));
            assertThat(SqsEvents.failed(consumer.handleRequest(SqsEvents.batch(event(ListingEvents.UPDATED, updated)), new TestContext()))).isEmpty();
        }
        assertThat(photosSeen).as("nothing new for a model").isEmpty();

        consumer.handleRequest(SqsEvents.batch(event(ListingEvents.UPDATED, Map.of("listing", snapshot, "changes", List.of("price", "photos")))),
                new TestContext());
        assertThat(photosSeen).hasSize(1);
        consumer.handleRequest(SqsEvents.batch(event(ListingEvents.UPDATED, Map.of("listing", snapshot, "changes", List.of("description")))),
                new TestContext());
        assertThat(photosSeen).hasSize(2);
        consumer.handleRequest(SqsEvents.batch(event(ListingEvents.CREATED, Map.of("listingId", id, "status", "draft"))), new TestContext());
        assertThat(photosSeen).hasSize(3);
        assertThat(f.events.ofType(ListingEnrichment.ENRICHED)).hasSize(1);
    }

    @Test
    void theLocalProviderAnswersTheModelsLabelsAsItsOwn() {
        ListingItem item = new ListingItem();
        item.setDescription("Fourth floor, reached by lift");
        var local = new LocalListingEnricher(ListingTextModel.trainedOnShippedSet()).enrich(item, List.of());
        assertThat(local).extracting(s -> s.label().id()).contains("feature-elevator");
        assertThat(local).allSatisfy(s -> {
            assertThat(s.source()).isEqualTo(LocalListingEnricher.SOURCE);
            assertThat(s.confidence()).isBetween(ListingTextModel.THRESHOLD, 1.0);
        });
        assertThat(local).extracting(ListingEnricher.Suggested::confidence).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(ListingTextModel.features("The lift, the LIFT and a floor")).containsExactly("lift", "lift", "floor", "lift_lift", "lift_floor");
    }
}
