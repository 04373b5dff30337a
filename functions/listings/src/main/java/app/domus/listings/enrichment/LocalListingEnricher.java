package app.domus.listings.enrichment;

import app.domus.listings.listings.ListingItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The local provider: the {@link ListingTextModel} trained at cold start reads the description. It does not see the
 * photos (no vision model ships with the project); on AWS Rekognition does ({@link AwsListingEnricher}).
 */
@Singleton
public class LocalListingEnricher implements ListingEnricher {
    static final String SOURCE = "local-text-model";
    private final ListingTextModel model;

    @Inject
    public LocalListingEnricher() {
        this(ListingTextModel.trainedOnShippedSet());
    }

    LocalListingEnricher(ListingTextModel model) {
        this.model = model;
    }

    @Override
    public List<Suggested> enrich(ListingItem listing, List<String> photoKeys) {
        return model.suggest(listing.getDescription()).stream()
                .map(s -> new Suggested(s.label(), s.confidence(), SOURCE)).toList();
    }
}
