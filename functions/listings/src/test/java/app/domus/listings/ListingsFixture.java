package app.domus.listings;

import app.domus.listings.agencies.Agencies;
import app.domus.listings.agencies.AgencyRequests;
import app.domus.listings.listings.ListingService;
import app.domus.listings.photos.ListingPhotos;
import app.domus.listings.photos.ThumbnailMaker;
import app.domus.listings.search.ListingSearch;
import app.domus.listings.search.SearchCache;
import app.domus.listings.search.SearchIndexer;
import app.domus.shared.ids.Ids;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.uploads.UploadItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The directory world with the listings services on an in-memory bucket: agency A (admin Ada, realtor Rita), agency B
 * (admin Bert), and Paula, a portal user of no agency.
 */
public final class ListingsFixture extends DirectoryWorld {
    public final MemoryMedia media = new MemoryMedia();
    public final Agencies agencies = new Agencies(table, clock);
    public final ListingPhotos photos = new ListingPhotos(table, media, clock);
    public final app.domus.listings.listings.ListingStats stats = new app.domus.listings.listings.ListingStats(LocalDynamo.client(), config, table);
    public final ListingService listings = new ListingService(table, agencies, photos, media, outbox, stats, clock);
    public final app.domus.listings.inquiries.Inquiries inquiries = new app.domus.listings.inquiries.Inquiries(table, listings, agencies, stats,
            new app.domus.shared.ratelimit.RateLimiter(LocalDynamo.client(), config, clock), outbox, clock);
    public final ThumbnailMaker thumbnails = new ThumbnailMaker(table, media);
    public final SearchCache cache = new SearchCache(LocalDynamo.client(), config, clock, Duration.ofMinutes(5));
    public final SearchIndexer indexer = new SearchIndexer(table, listings, cache);
    public final ListingSearch search = new ListingSearch(table, cache);
    public final app.domus.listings.alerts.SavedSearches savedSearches = new app.domus.listings.alerts.SavedSearches(table, notifications, clock);

    public final String ada = user("Ada Admin");
    public final String rita = user("Rita Realtor");
    public final String bert = user("Bert Other-Agency");
    public final String paula = user("Paula Portal");
    public final String agencyA = agencies.create(caller(ada), new AgencyRequests.CreateAgency("Agency A")).agencyId();
    public final String agencyB = agencies.create(caller(bert), new AgencyRequests.CreateAgency("Agency B")).agencyId();

    public ListingsFixture() {
        super(Instant.now());
        agencies.addRealtor(caller(ada), agencyA, new AgencyRequests.AddRealtor(emailOf(rita)));
        events.clear();
    }

    /** An upload of the owner's that has been sent, holding these bytes (as POST /uploads and the PUT leave it). */
    public String sentUpload(String ownerId, byte[] bytes) {
        UploadItem upload = new UploadItem();
        upload.setId(Ids.newId());
        upload.setPk(UploadItem.pk(upload.getId()));
        upload.setSk(UploadItem.SK);
        upload.setOwnerId(ownerId);
        upload.setObjectKey(UploadItem.objectKey(ownerId, upload.getId()));
        upload.setContentType("image/jpeg");
        upload.setSizeBytes((long) bytes.length);
        upload.setStatus(UploadItem.PENDING);
        upload.setCreatedAt(clock.instant().toString());
        upload.setExpiresAt(clock.instant().plus(Duration.ofMinutes(15)).toString());
        table.of(UploadItem.class).putItem(upload);
        media.put(upload.getObjectKey(), bytes, "image/jpeg");
        return upload.getId();
    }

    public UploadItem upload(String uploadId) {
        return table.get(UploadItem.class, UploadItem.pk(uploadId), UploadItem.SK).orElseThrow();
    }

    /** 1600 × 1200 pixels as stored, left half red and right half blue, EXIF orientation 6 (turn 90° clockwise), a GPS position and a camera make. */
    public static byte[] rotatedPhotoWithLocation() {
        try (InputStream in = ListingsFixture.class.getResourceAsStream("/upright-when-rotated.jpg")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published listing of Rita's, indexed as the search's consumer would on its event. */
    public String published(String city, String district, double latitude, double longitude, long priceMinor, int rooms, String type) {
        var listing = listings.create(caller(rita), new app.domus.listings.listings.ListingRequests.CreateListing(
                new app.domus.listings.listings.ListingRequests.Property(type,
                        new app.domus.listings.listings.ListingRequests.Address(null, null, city, district, latitude, longitude),
                        rooms, 50.0, java.util.List.of()),
                null, new app.domus.listings.listings.ListingRequests.Pricing("sale", priceMinor, "EUR"), null));
        listings.publish(caller(rita), listing.listingId());
        indexer.reindex(listing.listingId());
        return listing.listingId();
    }

    public static String listingJson(String city, long amountMinor, String photosJson) {
        return """
                {"property":{"type":"apartment","address":{"street":"Linden 4","postcode":"10115","city":"%s","district":"Mitte",
                  "latitude":52.5321,"longitude":13.3849},"rooms":3,"areaSqm":74.5,"features":["Balcony","lift"]},
                 "description":"Bright flat by the park","pricing":{"offer":"sale","amountMinor":%d,"currency":"EUR"},
                 "photos":%s}""".formatted(city, amountMinor, photosJson);
    }
}
