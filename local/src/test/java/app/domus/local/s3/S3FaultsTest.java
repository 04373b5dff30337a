package app.domus.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.faults.FaultInjector;
import app.domus.local.testing.FaultTestClients;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The SDK meets S3Proxy's injected faults as it meets S3's: {@code 503 SlowDown} (a throttling error the SDK retries),
 * {@code 500 InternalError}, nothing stored by a refused put, operations named as S3 names them, and the local cloud's
 * own calls passing.
 */
class S3FaultsTest {
    private static final FaultInjector FAULTS = new FaultInjector();
    private static S3Emulator emulator;
    private static S3Client client;
    private static S3Client internal;

    @BeforeAll
    static void start() throws Exception {
        int port = FaultTestClients.freePort();
        emulator = S3Emulator.start(port, Files.createTempDirectory("s3-faults"), "local", "local-secret", (event, bucket, key, size, eTag) -> {}, FAULTS);
        emulator.createBucket("faults");
        client = client(port, false);
        internal = client(port, true);
    }

    private static S3Client client(int port, boolean localCloudItself) {
        return FaultTestClients.client(S3Client.builder().forcePathStyle(true), port, localCloudItself);
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        internal.close();
        emulator.close();
    }

    @BeforeEach
    void clear() {
        FAULTS.clearAll();
    }

    @Test
    void throttlingIsS3sSlowDownAfterTheSdksRetriesAndNothingIsStored() {
        FAULTS.set("s3", Map.of("kind", "throttling", "rate", 1.0));
        assertThatThrownBy(() -> client.putObject(b -> b.bucket("faults").key("throttled.txt"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        // The standard retry mode's three attempts, each refused.
        assertThat(FAULTS.state("s3")).extracting("injected").isEqualTo(Map.of("PutObject", 3L));
        FAULTS.clearAll();
        assertThatThrownBy(() -> client.headObject(b -> b.bucket("faults").key("throttled.txt"))).isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
    }

    @Test
    void aServerErrorIsInternalErrorAndOnlyTheNamedOperationsFail() {
        client.putObject(b -> b.bucket("faults").key("kept.txt"), RequestBody.fromString("kept"));
        FAULTS.set("s3", Map.of("kind", "server-error", "rate", 1.0, "operations", java.util.List.of("GetObject")));
        assertThatThrownBy(() -> client.getObjectAsBytes(b -> b.bucket("faults").key("kept.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });
        client.putObject(b -> b.bucket("faults").key("other.txt"), RequestBody.fromString("other"));
        assertThat(client.headObject(b -> b.bucket("faults").key("other.txt")).contentLength()).isEqualTo(5);
        assertThat(internal.getObjectAsBytes(b -> b.bucket("faults").key("kept.txt")).asUtf8String()).isEqualTo("kept");
    }

    @Test
    void latencyLetsTheCallThrough() {
        FAULTS.set("s3", Map.of("kind", "latency", "rate", 1.0, "latencyMs", 20));
        client.putObject(b -> b.bucket("faults").key("slow.txt"), RequestBody.fromString("slow"));
        assertThat(client.getObjectAsBytes(b -> b.bucket("faults").key("slow.txt")).asUtf8String()).isEqualTo("slow");
        assertThat(FAULTS.state("s3")).extracting("injected").isEqualTo(Map.of("PutObject", 1L, "GetObject", 1L));
        assertThatThrownBy(() -> client.getObject(b -> b.bucket("faults").key("missing.txt"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void operationsAreNamedAsTheS3ApiNamesThem() {
        assertThat(FaultInjectingS3Handler.operation("PUT", "/b/k", "", false)).isEqualTo("PutObject");
        assertThat(FaultInjectingS3Handler.operation("PUT", "/b/k", "", true)).isEqualTo("CopyObject");
        assertThat(FaultInjectingS3Handler.operation("PUT", "/b/k", "partNumber=1&uploadId=u", false)).isEqualTo("UploadPart");
        assertThat(FaultInjectingS3Handler.operation("GET", "/b/a/b.jpg", "", false)).isEqualTo("GetObject");
        assertThat(FaultInjectingS3Handler.operation("GET", "/b", "list-type=2&prefix=x", false)).isEqualTo("ListObjectsV2");
        assertThat(FaultInjectingS3Handler.operation("GET", "/b/", "", false)).isEqualTo("ListObjects");
        assertThat(FaultInjectingS3Handler.operation("POST", "/b", "delete", false)).isEqualTo("DeleteObjects");
        assertThat(FaultInjectingS3Handler.operation("POST", "/b/k", "uploads", false)).isEqualTo("CreateMultipartUpload");
        assertThat(FaultInjectingS3Handler.operation("DELETE", "/b/k", "", false)).isEqualTo("DeleteObject");
        assertThat(FaultInjectingS3Handler.operation("HEAD", "/b/k", "", false)).isEqualTo("HeadObject");
    }
}
