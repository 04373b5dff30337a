package app.domus.faults.uploads;

import app.domus.shared.uploads.UploadItem;
import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.faults.FaultsFixture;
import app.domus.shared.testing.Images;
import app.domus.faults.PresignedHttp;
import app.domus.faults.S3Double;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CreateUploadHandlerTest {
    private final FaultsFixture f = new FaultsFixture();
    private final CreateUploadHandler handler = new CreateUploadHandler(f.uploads);

    private static HttpEvents post(String body) {
        return HttpEvents.request("POST", "/uploads").body(body);
    }

    @Test
    void answersAPresignedUrlThatS3AcceptsForExactlyTheDeclaredPhoto() {
        byte[] photo = Images.jpeg();
        var response = call(handler, post("{\"contentType\":\"image/jpeg\",\"sizeBytes\":" + photo.length + "}").as(f.tenant));

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode upload = json(response);
        String uploadId = upload.path("uploadId").asText();
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(Instant.parse(upload.path("expiresAt").asText())).isBetween(
                f.clock.instant().plus(Duration.ofMinutes(14)), f.clock.instant().plus(Duration.ofMinutes(16)));
        UploadItem stored = f.uploads.find(uploadId).orElseThrow();
        assertThat(stored.getOwnerId()).isEqualTo(f.tenant);
        assertThat(stored.getStatus()).isEqualTo(UploadItem.PENDING);
        assertThat(stored.getTtl()).isGreaterThan(f.clock.instant().plus(Duration.ofHours(23)).getEpochSecond());

        assertThat(PresignedHttp.put(upload, photo, "image/png")).as("another content type than signed").isEqualTo(403);
        assertThat(f.objects()).isEmpty();
        assertThat(PresignedHttp.put(upload, photo, "image/jpeg")).isEqualTo(200);
        assertThat(S3Double.object(f.bucket, stored.getObjectKey()).asByteArray()).isEqualTo(photo);
    }

    @Test
    void uploadingIsRefusedWithoutSignIn() {
        f.assertRefusedUnchanged(handler, post("{\"contentType\":\"image/jpeg\",\"sizeBytes\":10}"), 401, "unauthorized");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"contentType\":\"image/jpeg\",", 400, "malformed-json"),
                Arguments.of("{\"contentType\":\"image/gif\",\"sizeBytes\":10}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"application/pdf\",\"sizeBytes\":10}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"image/jpeg\",\"sizeBytes\":10485761}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"image/jpeg\",\"sizeBytes\":0}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"image/jpeg\",\"sizeBytes\":\"10\"}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"image/jpeg\",\"sizeBytes\":1.5}", 400, "validation-error"),
                Arguments.of("{\"sizeBytes\":10}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"<script>\",\"sizeBytes\":10}", 400, "validation-error"),
                Arguments.of("{\"contentType\":\"" + "a".repeat(70 * 1024) + "\",\"sizeBytes\":10}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badBodiesAreRefusedAndStoreNothing(String body, int status, String type) {
        f.assertRefusedUnchanged(handler, post(body).as(f.tenant), status, type);
    }

    @Test
    void aPersonWhoAsksForTooManyUploadsIsToldToWait() {
        String body = "{\"contentType\":\"image/png\",\"sizeBytes\":100}";
        for (int i = 0; i < UploadService.UPLOADS_PER_HOUR; i++) {
            assertThat(call(handler, post(body).as(f.owner)).getStatusCode()).isEqualTo(201);
        }

        var refused = call(handler, post(body).as(f.owner));

        assertProblem(refused, 429, "too-many-requests");
        assertThat(refused.getHeaders()).containsKey("Retry-After");
        assertThat(call(handler, post(body).as(f.tenant)).getStatusCode()).as("others are not held back").isEqualTo(201);
    }
}
