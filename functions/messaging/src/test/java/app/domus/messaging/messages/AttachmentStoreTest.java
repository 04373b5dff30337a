package app.domus.messaging.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.photos.PhotoFormat;
import app.domus.shared.testing.Images;
import app.domus.shared.testing.TestPlatform;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The photos bucket as attachments use it: what an upload holds, looked at by its size and its first bytes; their links. */
class AttachmentStoreTest {
    /** The bucket: key → bytes; a key mapped to a status is answered with that S3 error. */
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<GetObjectRequest> reads = new CopyOnWriteArrayList<>();
    private final PlatformConfig config = TestPlatform.config();

    private final S3Client s3 = new S3Client() {
        @Override
        public HeadObjectResponse headObject(HeadObjectRequest request) {
            assertThat(request.bucket()).isEqualTo(config.photosBucket());
            Integer status = failures.get(request.key());
            if (status != null) throw (S3Exception) S3Exception.builder().statusCode(status).message("S3 says " + status).build();
            byte[] bytes = objects.get(request.key());
            if (bytes == null) throw (S3Exception) S3Exception.builder().statusCode(404).message("Not Found").build();
            return HeadObjectResponse.builder().contentLength((long) bytes.length).build();
        }

        @Override
        public ResponseBytes<GetObjectResponse> getObjectAsBytes(GetObjectRequest request) {
            assertThat(request.bucket()).isEqualTo(config.photosBucket());
            reads.add(request);
            byte[] bytes = objects.get(request.key());
            int last = Integer.parseInt(request.range().substring("bytes=0-".length()));
            return ResponseBytes.fromByteArray(GetObjectResponse.builder().build(), Arrays.copyOf(bytes, Math.min(bytes.length, last + 1)));
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    };

    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_CENTRAL_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
    private final AttachmentStore store = new AttachmentStore(() -> s3, () -> presigner, config);

    @Test
    void anUploadIsKnownByItsSizeAndTheFormatItsFirstBytesShowReadingOnlyThose() {
        byte[] png = Images.png();
        objects.put("uploads/u/1", png);

        AttachmentStore.Sent sent = store.inspect("uploads/u/1").orElseThrow();

        assertThat(sent.sizeBytes()).isEqualTo(png.length);
        assertThat(sent.format()).contains(PhotoFormat.PNG);
        assertThat(reads).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("uploads/u/1");
            assertThat(r.range()).isEqualTo("bytes=0-" + (PhotoFormat.SIGNATURE_BYTES - 1));
        });
    }

    @Test
    void anEmptyUploadIsSentButOfNoFormatAndNotRead() {
        objects.put("uploads/u/empty", new byte[0]);

        AttachmentStore.Sent sent = store.inspect("uploads/u/empty").orElseThrow();

        assertThat(sent.sizeBytes()).isZero();
        assertThat(sent.format()).isEmpty();
        assertThat(reads).isEmpty();
    }

    @Test
    void anUploadNeverSentIsNothingAndAnyOtherFailureOfTheBucketIsThrown() {
        assertThat(store.inspect("uploads/u/never")).isEmpty();

        failures.put("uploads/u/denied", 403);
        assertThatThrownBy(() -> store.inspect("uploads/u/denied")).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
    }

    @Test
    void anAttachmentsLinkIsAPresignedGetOfItsObjectValidForAsLongAsAsked() {
        String url = store.downloadUrl("messages/C1/M1/0.png", Duration.ofMinutes(15));

        assertThat(url).startsWith("https://").contains(config.photosBucket()).contains("messages/C1/M1/0.png")
                .contains("X-Amz-Expires=900").contains("X-Amz-Signature=");
    }
}
