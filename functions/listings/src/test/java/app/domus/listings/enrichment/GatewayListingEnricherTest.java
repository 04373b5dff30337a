package app.domus.listings.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.listings.ListingItem;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiRunItem;
import app.domus.shared.ai.AiTask;
import app.domus.shared.testing.DirectoryWorld;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayListingEnricherTest {
    private final DirectoryWorld w = new DirectoryWorld();
    private final AiGateway gateway = new AiGateway(w.table, w.clock, d -> { }, AiGateway.breakerSettings());
    private final AtomicInteger localCalls = new AtomicInteger();
    private final ListingEnricher local = (listing, photos) -> {
        localCalls.incrementAndGet();
        return listing.getDescription().contains("lift")
                ? List.of(new ListingEnricher.Suggested(new Vocabulary.Label(Vocabulary.Kind.FEATURE, "elevator"), 0.9, "local"))
                : List.of();
    };
    private final ListingEnricher bedrockDown = (listing, photos) -> {
        throw new IllegalStateException("no route to Bedrock");
    };

    private ListingItem listing(String agency, String description) {
        ListingItem listing = new ListingItem();
        listing.setId("L-" + description.hashCode());
        listing.setAgencyId(agency);
        listing.setDescription(description);
        return listing;
    }

    @Test
    void aBedrockOutageFallsBackToTheLocalModelAndTheSameDescriptionIsTaggedOnce() {
        var enricher = new GatewayListingEnricher(gateway, List.of(GatewayListingEnricher.provider("bedrock", "m1", () -> bedrockDown),
                GatewayListingEnricher.provider("local", "nb", () -> local)));

        List<ListingEnricher.Suggested> first = enricher.enrich(listing("agency-1", "Bright flat with a lift"), List.of());
        List<ListingEnricher.Suggested> again = enricher.enrich(listing("agency-1", "Bright flat with a lift"), List.of());

        assertThat(first).extracting(s -> s.label().id()).containsExactly("feature-elevator");
        assertThat(again).isEqualTo(first);
        assertThat(localCalls).hasValue(1);
        assertThat(w.table.all(AiRunItem.class, AiRunItem.pk("agency-1"), AiRunItem.SK_PREFIX))
                .extracting(r -> r.getProvider() + "/" + r.getCached() + "/" + String.join(",", r.getAttempts()))
                .containsExactly("local/false/bedrock:unavailable,local:ok", "local/true/");
    }

    @Test
    void anAgencyThatSwitchedTaggingOffGetsNoSuggestionsAndALoggedRun() {
        var enricher = new GatewayListingEnricher(gateway, List.of(GatewayListingEnricher.provider("local", "nb", () -> local)));
        gateway.switchAgent("agency-2", AiTask.LISTING_TAGGING, false, "admin");

        assertThat(enricher.enrich(listing("agency-2", "Flat with a lift"), List.of())).isEmpty();
        assertThat(localCalls).hasValue(0);
        assertThat(w.table.all(AiRunItem.class, AiRunItem.pk("agency-2"), AiRunItem.SK_PREFIX))
                .singleElement().satisfies(r -> assertThat(r.getErrorCategory()).isEqualTo("agent-off"));
    }
}
