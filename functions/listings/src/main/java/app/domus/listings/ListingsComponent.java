package app.domus.listings;

import app.domus.listings.agencies.Agencies;
import app.domus.listings.enrichment.ListingSuggestions;
import app.domus.listings.listings.ListingService;
import app.domus.listings.photos.MediaStore;
import app.domus.listings.photos.S3MediaStore;
import app.domus.listings.photos.ThumbnailMaker;
import app.domus.shared.aws.AwsModule;
import app.domus.shared.aws.S3Module;
import app.domus.shared.idempotency.IdempotencyStore;
import dagger.Binds;
import dagger.Component;
import dagger.Module;
import jakarta.inject.Singleton;

/** Wiring of the listings functions, built once per cold start by each handler's public constructor. */
@Singleton
@Component(modules = {AwsModule.class, S3Module.class, ListingsComponent.Media.class, app.domus.listings.imports.ImportsModule.class})
public interface ListingsComponent {
    Agencies agencies();

    ListingService listings();

    ThumbnailMaker thumbnails();

    app.domus.listings.search.ListingSearch search();

    app.domus.listings.search.SearchIndexer indexer();

    app.domus.listings.alerts.SavedSearches savedSearches();

    IdempotencyStore idempotency();

    ListingSuggestions suggestions();

    app.domus.listings.inquiries.Inquiries inquiries();

    app.domus.listings.inquiries.InquiryErasure inquiryErasure();

    app.domus.shared.notify.NotificationSender notifications();

    java.time.Clock clock();

    app.domus.listings.imports.Imports imports();

    app.domus.listings.imports.ImportRunner importRunner();

    /** The one way to build the wiring: once per cold start, in a handler's public constructor. */
    static ListingsComponent create() {
        return DaggerListingsComponent.create();
    }

    @Module
    interface Media {
        @Binds
        MediaStore media(S3MediaStore s3);
    }
}
