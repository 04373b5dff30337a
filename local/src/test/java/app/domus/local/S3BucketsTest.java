package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Buckets on S3Proxy: the SDK works unchanged, presigned URLs are honoured and checked, and uploads notify functions. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class S3BucketsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void storesObjectsThroughTheSdk(LocalCloudClient cloud) {
        try (S3Client s3 = S3Client.create()) {
            s3.putObject(request -> request.bucket("uploadsbucket").key("notes/readme.txt"), RequestBody.fromString("hello"));

            assertThat(s3.getObjectAsBytes(request -> request.bucket("uploadsbucket").key("notes/readme.txt")).asUtf8String()).isEqualTo("hello");
        }
    }

    @Test
    void acceptsUploadsAndDownloadsThroughPresignedUrls(LocalCloudClient cloud) throws Exception {
        String key = "shared/" + UUID.randomUUID() + ".txt";
        try (S3Presigner presigner = S3Presigner.create()) {
            URI upload = presigner.presignPutObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(put -> put.bucket("uploadsbucket").key(key))).url().toURI();
            assertThat(upload.getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofString("from a browser")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

            URI download = presigner.presignGetObject(request -> request.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(get -> get.bucket("uploadsbucket").key(key))).url().toURI();
            HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(download).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("from a browser");

            URI tampered = URI.create(download.toString().replace(key, "shared/someone-else.txt"));
            assertThat(HTTP.send(HttpRequest.newBuilder(tampered).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void rejectsAnExpiredPresignedUrl(LocalCloudClient cloud) throws Exception {
        try (S3Presigner presigner = S3Presigner.create()) {
            URI download = presigner.presignGetObject(request -> request.signatureDuration(Duration.ofSeconds(1))
                    .getObjectRequest(get -> get.bucket("uploadsbucket").key("notes/readme.txt"))).url().toURI();
            Thread.sleep(2_100);

            assertThat(HTTP.send(HttpRequest.newBuilder(download).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void notifiesTheFunctionOfObjectsCreatedUnderItsPrefix(LocalCloudClient cloud) throws Exception {
        String key = "incoming/" + UUID.randomUUID() + " scan.pdf";
        try (S3Client s3 = S3Client.create()) {
            s3.putObject(request -> request.bucket("uploadsbucket").key(key), RequestBody.fromString("12345"));
            s3.putObject(request -> request.bucket("uploadsbucket").key("elsewhere/" + key), RequestBody.fromString("12345"));
        }

        var notification = Recorded.await("UploadFunction", event -> event.path("key").asText().contains(key.substring(9, 45)), Duration.ofSeconds(10));
        assertThat(notification.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(notification.path("bucket").asText()).isEqualTo("uploadsbucket");
        assertThat(notification.path("key").asText()).isEqualTo(key.replace(" ", "+"));
        assertThat(notification.path("size").asLong()).isEqualTo(5);
        Thread.sleep(500);
        assertThat(Recorded.count("UploadFunction", event -> event.path("key").asText().startsWith("elsewhere/"))).isZero();
    }
}
