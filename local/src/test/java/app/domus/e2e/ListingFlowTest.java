package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Flow 16, first stage: an agency is founded and takes on a realtor; a portal user who is no realtor may not list. The
 * realtor lists a flat with a photo sent through a presigned upload (1600 × 1200 as stored, EXIF orientation 6, a GPS
 * position); the bucket's upload event makes its thumbnails, which are read back from S3: upright (1200 wide before
 * scaling, so 320 × 427 and 1024 × 1365) and without the original's EXIF. The price is cut (recorded with the price before),
 * the listing is published (then readable by the portal user) and withdrawn, each with its event.
 */
@ExtendWith(LocalCloudExtension.class)
class ListingFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aRealtorListsAPhotographedFlatWhoseThumbnailsAreMadeOnUploadThenCutsThePricePublishesAndWithdraws(LocalCloudClient cloud)
            throws Exception {
        var demo = cloud.cloud().demoData();
        String realtorEmail = demo.account("owner2").orElseThrow().email();

        ApiResponse agency = conforms("POST", "/agencies", cloud.as("owner3").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/agencies", json(Map.of("name", "Linden Estates"))));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);
        String agencyId = agency.json().path("agencyId").asText();
        ApiResponse realtor = conforms("POST", "/agencies/{agencyId}/realtors", cloud.as("owner3")
                .post("/agencies/" + agencyId + "/realtors", json(Map.of("email", realtorEmail))));
        assertThat(realtor.status()).as(realtor.body()).isEqualTo(201);

        Map<String, Object> listing = Map.of(
                "property", Map.of("type", "apartment", "rooms", 3, "areaSqm", 74.5, "features", List.of("balcony", "lift"),
                        "address", Map.of("street", "Linden 4", "postcode", "10115", "city", "Berlin", "district", "Mitte",
                                "latitude", 52.5321, "longitude", 13.3849)),
                "description", "Bright flat by the park",
                "pricing", Map.of("offer", "sale", "amountMinor", 45_000_000, "currency", "EUR"));
        ApiResponse refused = conforms("POST", "/listings", cloud.as("tenant").post("/listings", json(listing)));
        assertThat(refused.status()).as("a portal user who is no realtor").isEqualTo(403);

        byte[] photo;
        try (InputStream in = ListingFlowTest.class.getResourceAsStream("/listing-photo-exif.jpg")) {
            photo = in.readAllBytes();
        }
        ApiResponse upload = conforms("POST", "/uploads", cloud.as("owner2").post("/uploads",
                json(Map.of("contentType", "image/jpeg", "sizeBytes", photo.length))));
        assertThat(upload.status()).isEqualTo(201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.json().path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        upload.json().path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) put.header(h.getKey(), h.getValue().asText());
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Map<String, Object> withPhoto = new java.util.HashMap<>(listing);
        withPhoto.put("photos", List.of(Map.of("uploadId", upload.json().path("uploadId").asText())));
        ApiResponse created = conforms("POST", "/listings", cloud.as("owner2").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/listings", json(withPhoto)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listingId = created.json().path("listingId").asText();
        String photoId = created.json().path("photos").get(0).path("photoId").asText();
        assertThat(created.json().path("status").asText()).isEqualTo("draft");
        cloud.awaitEvent("ListingCreated", e -> envelope(e).toString().contains(listingId));

        JsonNode ready = LocalCloudClient.awaitAnswer(() -> cloud.as("owner2").get("/listings/" + listingId),
                l -> l.path("photos").get(0).path("status").asText().equals("ready"));
        conforms("GET", "/listings/{listingId}", cloud.as("owner2").get("/listings/" + listingId));
        JsonNode thumbnails = ready.path("photos").get(0).path("thumbnails");
        assertThat(thumbnails).extracting(t -> t.path("width").asInt() + "x" + t.path("height").asInt()).containsExactly("320x427", "1024x1365");

        try (S3Client s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            String bucket = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("PhotosBucket"));
            for (String size : List.of("320x427", "1024x1365")) {
                String width = size.substring(0, size.indexOf('x'));
                byte[] thumbnail = s3.getObjectAsBytes(b -> b.bucket(bucket).key("listing-media/" + listingId + "/" + photoId + "/" + width + ".jpg"))
                        .asByteArray();
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
                assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(size);
                String raw = new String(thumbnail, StandardCharsets.ISO_8859_1);
                assertThat(raw).as("the published thumbnail carries no EXIF (GPS, camera)").doesNotContain("Exif").doesNotContain("DomusCam");
            }
        }
        HttpResponse<byte[]> presigned = HTTP.send(HttpRequest.newBuilder(URI.create(thumbnails.get(0).path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(presigned.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(presigned.body())).getWidth()).isEqualTo(320);

        ApiResponse cut = conforms("PATCH", "/listings/{listingId}", cloud.as("owner3").header("If-Match", ready.path("version").asText())
                .patch("/listings/" + listingId, json(Map.of("pricing", Map.of("amountMinor", 42_000_000)))));
        assertThat(cut.status()).as(cut.body()).isEqualTo(200);
        assertThat(cut.json().path("priceHistory").get(0).path("fromMinor").asLong()).isEqualTo(45_000_000L);
        JsonNode updated = envelope(cloud.awaitEvent("ListingUpdated", e -> envelope(e).toString().contains(listingId)
                && envelope(e).path("payload").has("previousPriceMinor")));
        assertThat(updated.path("payload").path("previousPriceMinor").asLong()).isEqualTo(45_000_000L);
        assertThat(updated.path("payload").path("listing").path("priceMinor").asLong()).isEqualTo(42_000_000L);

        assertThat(cloud.as("tenant").get("/listings/" + listingId).status()).as("a draft is the agency's own").isEqualTo(404);
        ApiResponse published = conforms("POST", "/listings/{listingId}/publish", cloud.as("owner2").post("/listings/" + listingId + "/publish", ""));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        cloud.awaitEvent("ListingPublished", e -> envelope(e).toString().contains(listingId));
        assertThat(conforms("GET", "/listings/{listingId}", cloud.as("tenant").get("/listings/" + listingId)).status()).isEqualTo(200);
        assertThat(conforms("POST", "/listings/{listingId}/publish", cloud.as("owner2").post("/listings/" + listingId + "/publish", "")).status())
                .isEqualTo(409);

        ApiResponse withdrawn = conforms("POST", "/listings/{listingId}/withdraw", cloud.as("owner3").post("/listings/" + listingId + "/withdraw", ""));
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("withdrawn");
        cloud.awaitEvent("ListingWithdrawn", e -> envelope(e).toString().contains(listingId));
    }

    /**
     * Stage 2: the public search (no token) finds a published listing of a city, caches the page, and a second listing
     * published there shows at once: the indexer, on ListingPublished, invalidates the city's cached pages long before
     * their TTL (300 s) would.
     */
    @Test
    void aListingPublishedInACityShowsInItsCachedSearchAtOnce(LocalCloudClient cloud) throws Exception {
        String city = "Lindenau " + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse agency = cloud.as("manager").post("/agencies", json(Map.of("name", "Manager Homes")));
        assertThat(agency.status()).as(agency.body()).isEqualTo(201);

        String first = publishedIn(cloud, city, 52.3400, 12.3700, 180_000_00);
        String search = "/listings?location=" + java.net.URLEncoder.encode(city, StandardCharsets.UTF_8) + "&sort=price_asc";
        LocalCloudClient.awaitAnswer(() -> cloud.anonymous().get(search), page -> page.path("items").size() == 1);
        // The indexer writes the listing, then invalidates the city's pages: a read between the two caches a page that
        // the invalidation then drops, so the page is cached by the next read at the latest.
        ApiResponse cached = awaitCached(cloud, search);
        assertThat(cached.header("x-cache")).isEqualTo("hit");
        assertThat(cached.json().path("items").get(0).path("listingId").asText()).isEqualTo(first);

        String second = publishedIn(cloud, city, 52.3420, 12.3740, 150_000_00);
        long published = System.nanoTime();
        JsonNode fresh = LocalCloudClient.awaitAnswer(() -> cloud.anonymous().get(search), page -> page.path("items").size() == 2);
        assertThat((System.nanoTime() - published) / 1_000_000_000.0).as("seconds until it shows (the TTL is 300)").isLessThan(15);
        assertThat(fresh.path("items")).extracting(i -> i.path("listingId").asText()).containsExactly(second, first);

        ApiResponse near = conforms("GET", "/listings", cloud.anonymous().get("/listings?location=near:52.3410,12.3720,1&limit=1"));
        assertThat(near.status()).as(near.body()).isEqualTo(200);
        assertThat(near.json().path("items").get(0).path("distanceKm").asDouble()).isLessThan(1);
        ApiResponse rest = cloud.anonymous().get("/listings?location=near:52.3410,12.3720,1&limit=1&cursor=" + near.json().path("nextCursor").asText());
        assertThat(rest.json().path("items")).hasSize(1);
        assertThat(conforms("GET", "/listings", cloud.anonymous().get("/listings?location=near:91,0")).status()).isEqualTo(400);
    }

    /**
     * Stage 3: a resident saves a search for houses in a city; a flat published there and a house published elsewhere do
     * not alert; a house published in the city is e-mailed to them within seconds, once.
     */
    @Test
    void aSavedSearchIsAlertedWithinSecondsOfAMatchingListingAndNotOfOthers(LocalCloudClient cloud) throws Exception {
        String city = "Birkenau " + UUID.randomUUID().toString().substring(0, 8);
        String elsewhere = "Eichstadt " + UUID.randomUUID().toString().substring(0, 8);
        String email = cloud.cloud().demoData().account("tenant").orElseThrow().email();
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes")));
        ApiResponse saved = conforms("POST", "/saved-searches", cloud.as("tenant").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/saved-searches", json(Map.of("criteria", Map.of("location", city, "type", "house", "priceMax", 500_000_00),
                        "alertSettings", Map.of("frequency", "instant")))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        String flat = publishedBy(cloud, "technician", city, "apartment", 52.1, 11.6, 200_000_00);
        String houseElsewhere = publishedBy(cloud, "technician", elsewhere, "house", 51.1, 11.6, 200_000_00);
        String tooDear = publishedBy(cloud, "technician", city, "house", 52.1, 11.6, 900_000_00);
        long start = System.nanoTime();
        String house = publishedBy(cloud, "technician", city, "house", 52.1, 11.6, 300_000_00);

        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, email, house)).as("the matching house is e-mailed").isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000_000.0).as("seconds until the alert").isLessThan(15);
        cloud.awaitQueueDrained("SavedSearchAlertsQueue");
        cloud.awaitQueueDrained("NotificationQueue");
        String mail = cloud.outbox(email).toString();
        assertThat(mail).doesNotContain(flat).doesNotContain(houseElsewhere).doesNotContain(tooDear);
        assertThat(cloud.outbox(email).stream().filter(m -> m.toString().contains(house)).count()).isEqualTo(1);
    }

    private static String publishedBy(LocalCloudClient cloud, String realtor, String city, String type, double latitude, double longitude,
                                      long priceMinor) {
        ApiResponse created = cloud.as(realtor).post("/listings", json(Map.of(
                "property", Map.of("type", type, "rooms", 4, "address", Map.of("city", city, "latitude", latitude, "longitude", longitude)),
                "pricing", Map.of("offer", "sale", "amountMinor", priceMinor, "currency", "EUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("listingId").asText();
        assertThat(cloud.as(realtor).post("/listings/" + id + "/publish", "").status()).isEqualTo(200);
        return id;
    }

    private static String publishedIn(LocalCloudClient cloud, String city, double latitude, double longitude, long priceMinor) {
        return publishedBy(cloud, "manager", city, "house", latitude, longitude, priceMinor);
    }

    /** Reads the search until an answer comes from the cache (at most 10 s), conforming to the API document. */
    private static ApiResponse awaitCached(LocalCloudClient cloud, String search) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        ApiResponse answer;
        do {
            answer = conforms("GET", "/listings", cloud.anonymous().get(search));
            if ("hit".equals(answer.header("x-cache"))) return answer;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return answer;
    }
}
