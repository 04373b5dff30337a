package app.domus.listings.enrichment;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.call;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.listings.listings.ListingEvents;
import app.domus.listings.listings.ListingRequests;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Enrichment's suggestions: stored once, decided by the listing's agency only, an accepted label on the listing. */
class ListingSuggestionsTest {
    private static final ListingTextModel MODEL = ListingTextModel.trainedOnShippedSet();

    private final ListingsFixture f = new ListingsFixture();
    private final ListingSuggestions suggestions = new ListingSuggestions(f.table, f.listings, f.clock);
    private final ListingEnrichment enrichment = new ListingEnrichment(f.table, new LocalListingEnricher(MODEL), f.outbox, f.clock);
    private final ListSuggestionsHandler list = new ListSuggestionsHandler(suggestions);
    private final DecideSuggestionHandler decide = new DecideSuggestionHandler(suggestions);

    private String listing(String description) {
        return f.listings.create(caller(f.rita), new ListingRequests.CreateListing(
                new ListingRequests.Property("apartment", new ListingRequests.Address(null, null, "Basel", null, 47.55, 7.59), 3, 70.0, List.of()),
                description, new ListingRequests.Pricing("rent", 2_400_00L, "CHF"), null)).listingId();
    }

    private static HttpEvents on(String method, String path, String listingId, String suggestionId) {
        var request = HttpEvents.request(method, path.replace("{listingId}", listingId).replace("{suggestionId}", String.valueOf(suggestionId)))
                .pathParam("listingId", listingId);
        return suggestionId == null ? request : request.pathParam("suggestionId", suggestionId);
    }

    @Test
    void suggestsFromTheDescriptionOnceAndSaysSoInOneEvent() {
        String id = listing("Fifth-floor flat reached by lift with a south-facing loggia and a space in the underground car park");
        f.events.clear();

        List<Vocabulary.Label> first = enrichment.enrich(id);
        assertThat(first).extracting(Vocabulary.Label::id).contains("feature-elevator", "feature-balcony", "feature-parking");
        assertThat(f.events.ofType(ListingEnrichment.ENRICHED)).hasSize(1);
        assertThat(f.events.ofType(ListingEnrichment.ENRICHED).getFirst().payload().path("suggestions"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrderElementsOf(first.stream().map(Vocabulary.Label::id).toList());

        assertThat(enrichment.enrich(id)).as("a second run").isEmpty();
        assertThat(f.events.ofType(ListingEnrichment.ENRICHED)).as("events after a second run").hasSize(1);
    }

    @Test
    void anAcceptedFeatureJoinsTheListingAndARejectedOneIsNeverSuggestedAgain() {
        String id = listing("Fifth-floor flat reached by lift with a south-facing loggia and a space in the underground car park");
        enrichment.enrich(id);
        f.events.clear();

        var accepted = call(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-elevator")
                .body("{\"status\":\"accepted\"}").as(f.rita));
        assertThat(accepted.getStatusCode()).isEqualTo(200);
        assertThat(Json.tree(accepted.getBody()).path("status").asText()).isEqualTo("accepted");
        assertThat(f.listings.find(id).orElseThrow().getFeatures()).contains("elevator");
        assertThat(f.events.ofType(ListingEvents.UPDATED)).singleElement()
                .satisfies(e -> assertThat(e.payload().path("changes").toString()).contains("features"));

        var rejected = call(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-balcony")
                .body("{\"status\":\"rejected\"}").as(f.rita));
        assertThat(rejected.getStatusCode()).isEqualTo(200);
        assertThat(f.listings.find(id).orElseThrow().getFeatures()).doesNotContain("balcony");

        // The description changes; the model still sees a balcony, which stays rejected, and the lift, which is on the listing.
        f.listings.update(caller(f.rita), id, new ListingRequests.UpdateListing(null,
                "Fifth-floor flat reached by lift with a south-facing loggia, newly renovated", null), java.util.Optional.empty());
        assertThat(enrichment.enrich(id)).extracting(Vocabulary.Label::id).doesNotContain("feature-balcony", "feature-elevator");

        JsonNode items = Json.tree(call(list, on("GET", "/listings/{listingId}/suggestions", id, null).as(f.rita)).getBody()).path("items");
        assertThat(items.findValuesAsText("suggestionId")).contains("feature-elevator", "feature-balcony");
        assertThat(items.get(0).path("status").asText()).as("open suggestions first").isEqualTo("suggested");
    }

    @Test
    void aDecisionIsNotChangedAndOnlyTheListingsAgencyDecides() {
        String id = listing("Fifth-floor flat reached by lift with a space in the underground car park");
        enrichment.enrich(id);
        var reject = on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-elevator").body("{\"status\":\"rejected\"}");
        assertThat(call(decide, reject.as(f.rita)).getStatusCode()).isEqualTo(200);
        assertThat(call(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-elevator")
                .body("{\"status\":\"rejected\"}").as(f.rita)).getStatusCode()).as("the same decision again").isEqualTo(200);

        f.assertRefusedUnchanged(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-elevator")
                .body("{\"status\":\"accepted\"}").as(f.rita), 409, "invalid-state");
        f.assertRefusedUnchanged(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-elevator")
                .body("{\"status\":\"accepted\"}").as(f.bert), 404, "not-found");
        f.assertRefusedUnchanged(list, on("GET", "/listings/{listingId}/suggestions", id, null).as(f.paula), 404, "not-found");
        f.assertRefusedUnchanged(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-rocket-launcher")
                .body("{\"status\":\"accepted\"}").as(f.rita), 404, "not-found");
        f.assertRefusedUnchanged(decide, on("PUT", "/listings/{listingId}/suggestions/{suggestionId}", id, "feature-pool")
                .body("{\"status\":\"maybe\"}").as(f.rita), 400, "validation-error");
    }

    @Test
    void theAwsProvidersAnswerIsReadStrictly() {
        var labels = AwsListingEnricher.parse("""
                Here you go: {"labels":[{"label":"Balcony","confidence":0.9},{"label":"helipad","confidence":1},
                {"label":"quiet","confidence":7},{"label":"balcony","confidence":0.2},{"confidence":0.5}]}""");
        assertThat(labels).extracting(s -> s.label().id()).containsExactly("feature-balcony", "tag-quiet");
        assertThat(labels.get(1).confidence()).as("clamped").isEqualTo(1.0);
        assertThat(AwsListingEnricher.parse("I cannot help with that")).isEmpty();
    }
}
