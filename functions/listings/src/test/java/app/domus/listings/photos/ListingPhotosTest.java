package app.domus.listings.photos;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.listings.ListingsFixture;
import app.domus.listings.api.AddListingPhotoHandler;
import app.domus.listings.api.CreateListingHandler;
import app.domus.listings.api.GetListingHandler;
import app.domus.listings.listings.ListingItem;
import app.domus.shared.testing.Images;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.uploads.UploadItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingPhotosTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateListingHandler create = new CreateListingHandler(f.listings);
    private final AddListingPhotoHandler addPhoto = new AddListingPhotoHandler(f.listings);
    private final GetListingHandler get = new GetListingHandler(f.listings);

    private JsonNode createWith(String... uploadIds) {
        String photos = "[" + String.join(",", java.util.Arrays.stream(uploadIds).map(id -> "{\"uploadId\":\"" + id + "\"}").toList()) + "]";
        var response = call(create, HttpEvents.request("POST", "/listings").body(ListingsFixture.listingJson("Berlin", 100_00, photos)).as(f.rita));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response);
    }

    @Test
    void anUploadGivenTwiceIsRefusedAtItsRepeatAndNothingElse() {
        String a = f.sentUpload(f.rita, Images.jpeg());
        String b = f.sentUpload(f.rita, Images.jpeg());
        assertThatThrownBy(() -> f.photos.check(f.rita, java.util.Arrays.asList(a, b, b), i -> "photos." + i + ".uploadId"))
                .isInstanceOfSatisfying(app.domus.shared.http.ApiException.class, e -> {
                    assertThat(e.type().status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(app.domus.shared.http.FieldError::field).containsExactly("photos.2.uploadId");
                    assertThat(e.errors().getFirst().message()).isEqualTo("names an upload that is given twice");
                });
        assertThat(f.photos.check(f.rita, List.of(a, b), i -> "photos." + i + ".uploadId")).hasSize(2);
    }

    @Test
    void anUploadBecomesAPhotoWhoseThumbnailsTheUploadEventMakesAndOnlyTheyArePublished() {
        String uploadId = f.sentUpload(f.rita, ListingsFixture.rotatedPhotoWithLocation());
        JsonNode listing = createWith(uploadId);
        String listingId = listing.path("listingId").asText();
        JsonNode photo = listing.path("photos").get(0);
        assertThat(photo.path("status").asText()).isEqualTo("processing");
        assertThat(photo.path("thumbnails")).isEmpty();
        UploadItem upload = f.upload(uploadId);
        assertThat(upload.getStatus()).isEqualTo(UploadItem.USED);
        assertThat(upload.getUsedFor()).isEqualTo("listing-photo:" + listingId + "/" + photo.path("photoId").asText());
        String original = "listing-photos/" + listingId + "/" + photo.path("photoId").asText() + ".jpg";
        assertThat(f.media.objects()).containsKey(original);

        assertThat(f.thumbnails.process(original)).isEqualTo(ThumbnailMaker.Outcome.READY);
        assertThat(f.thumbnails.process(original)).as("a repeated event").isEqualTo(ThumbnailMaker.Outcome.READY);

        String base = "listing-media/" + listingId + "/" + photo.path("photoId").asText() + "/";
        assertThat(f.media.objects()).containsKeys(base + "320.jpg", base + "1024.jpg");
        assertThat(f.media.objects().get(base + "320.jpg").contentType()).isEqualTo("image/jpeg");
        JsonNode read = json(call(get, HttpEvents.request("GET", "/listings/" + listingId).pathParam("listingId", listingId).as(f.rita)));
        JsonNode thumbnails = read.path("photos").get(0).path("thumbnails");
        assertThat(read.path("photos").get(0).path("status").asText()).isEqualTo("ready");
        assertThat(thumbnails).extracting(t -> t.path("width").asInt() + "x" + t.path("height").asInt()).containsExactly("320x427", "1024x1365");
        assertThat(thumbnails).extracting(t -> t.path("url").asText())
                .containsExactly("https://photos.example/" + base + "320.jpg", "https://photos.example/" + base + "1024.jpg");
        assertThat(read.toString()).doesNotContain("listing-photos/");
    }

    @Test
    void photosAreCheckedByTheirBytesAndAnUploadIsUsedOnce() {
        String gif = f.sentUpload(f.rita, Images.gif());
        String othersUpload = f.sentUpload(f.ada, Images.jpeg());
        JsonNode problem = f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/listings")
                .body(ListingsFixture.listingJson("Berlin", 100, "[{\"uploadId\":\"" + gif + "\"},{\"uploadId\":\"" + othersUpload + "\"}]"))
                .as(f.rita), 400, "validation-error");
        assertThat(fieldErrors(problem)).containsExactly("photos.0.uploadId", "photos.1.uploadId");

        String jpeg = f.sentUpload(f.rita, Images.jpeg());
        String listingId = createWith().path("listingId").asText();
        HttpEvents add = HttpEvents.request("POST", "/listings/" + listingId + "/photos").pathParam("listingId", listingId)
                .body("{\"uploadId\":\"" + jpeg + "\"}");
        var added = call(addPhoto, add.as(f.rita));
        assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(201);
        assertThat(json(added).path("position").asInt()).isEqualTo(1);
        assertThat(f.events.ofType("ListingUpdated")).hasSize(1);
        assertProblem(call(addPhoto, add.as(f.rita)), 400, "validation-error");
        assertProblem(call(addPhoto, add.as(f.bert)), 404, "not-found");
    }

    @Test
    void anImageTheJdkCannotReadIsMarkedFailedAndAnEventAheadOfItsTransactionIsRetried() {
        String webp = f.sentUpload(f.rita, Images.webp());
        JsonNode listing = createWith(webp);
        String listingId = listing.path("listingId").asText();
        String photoId = listing.path("photos").get(0).path("photoId").asText();

        assertThat(f.thumbnails.process("listing-photos/" + listingId + "/" + photoId + ".webp")).isEqualTo(ThumbnailMaker.Outcome.FAILED);
        ListingPhotoItem item = f.table.get(ListingPhotoItem.class, ListingItem.pk(listingId), ListingPhotoItem.sk(photoId)).orElseThrow();
        assertThat(item.getFailure()).contains("format");

        f.media.put("listing-photos/" + listingId + "/notyetrecorded.jpg", Images.jpeg(), "image/jpeg");
        assertThatThrownBy(() -> f.thumbnails.process("listing-photos/" + listingId + "/notyetrecorded.jpg"))
                .isInstanceOf(ThumbnailMaker.PhotoNotRecorded.class);
        assertThat(f.thumbnails.process("uploads/someone/else")).isEqualTo(ThumbnailMaker.Outcome.IGNORED);
        assertThat(List.of(f.thumbnails.process("listing-photos/" + listingId + "/gone.jpg"))).containsExactly(ThumbnailMaker.Outcome.IGNORED);
    }
}
