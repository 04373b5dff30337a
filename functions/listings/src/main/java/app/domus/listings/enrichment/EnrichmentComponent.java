package app.domus.listings.enrichment;

import app.domus.shared.aws.AwsModule;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * Wiring of the enrichment function, which has its own zip: the model libraries (OpenNLP, Bedrock, Rekognition) that
 * the other listings functions do not carry, and no S3 (functions/listings/src/assembly).
 */
@Singleton
@Component(modules = {AwsModule.class, EnrichmentModule.class})
public interface EnrichmentComponent {
    ListingEnrichment enrichment();

    IdempotencyStore idempotency();

    static EnrichmentComponent create() {
        return DaggerEnrichmentComponent.create();
    }
}
