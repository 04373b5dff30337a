package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingItem;
import app.domus.shared.ai.AiAgentOff;
import app.domus.shared.ai.AiGateway;
import app.domus.shared.ai.AiProvider;
import app.domus.shared.ai.AiTask;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listing tagging through the AI gateway: cached by the description and photos, failed over along the chain (Bedrock,
 * a second Bedrock model where one is configured, the local model), logged per agency. With the agency's tagging agent
 * switched off, the documented fallback: nothing is suggested, and the run is in the log as {@code agent-off}.
 */
public final class GatewayListingEnricher implements ListingEnricher {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayListingEnricher.class);

    /** What tagging reads of a listing: the gateway's cache key. */
    public record Input(String description, List<String> photoKeys) {
        public Input {
            photoKeys = photoKeys == null ? List.of() : List.copyOf(photoKeys);
        }
    }

    /** What it answers. */
    public record Tagging(List<Suggested> suggested) {}

    private final AiGateway gateway;
    private final List<AiProvider<Input, Tagging>> chain;

    public GatewayListingEnricher(AiGateway gateway, List<AiProvider<Input, Tagging>> chain) {
        this.gateway = gateway;
        this.chain = List.copyOf(chain);
    }

    @Override
    public List<Suggested> enrich(ListingItem listing, List<String> photoKeys) {
        try {
            return gateway.run(AiTask.LISTING_TAGGING, listing.getAgencyId(), new Input(listing.getDescription(), photoKeys), Tagging.class, chain)
                    .output().suggested();
        } catch (AiAgentOff e) {
            LOG.info("Listing {} is not tagged: {}", listing.getId(), e.getMessage());
            return List.of();
        }
    }

    List<AiProvider<Input, Tagging>> chain() {
        return chain;
    }

    /** An enricher as a provider; {@code enricher} is asked for on the first run, so an unused fallback costs nothing. */
    static AiProvider<Input, Tagging> provider(String name, String model, Supplier<ListingEnricher> enricher) {
        return AiProvider.of(name, model, input -> {
            ListingItem listing = new ListingItem();
            listing.setDescription(input.description());
            return AiProvider.Answer.free(new Tagging(enricher.get().enrich(listing, input.photoKeys())));
        });
    }
}
