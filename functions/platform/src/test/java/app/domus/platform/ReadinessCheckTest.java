package app.domus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;

/** Readiness over the real table and S3 and SNS doubles that answer, or fail, at once and record what they were asked. */
class ReadinessCheckTest {
    private static final long SNS_TAKES_MS = 40;
    private final PlatformConfig config = TestPlatform.config();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean bucketMissing;

    private final S3Client s3 = new S3Client() {
        @Override
        public HeadBucketResponse headBucket(HeadBucketRequest request) {
            asked.add("s3:" + request.bucket());
            if (bucketMissing) throw NoSuchBucketException.builder().message("no bucket named " + request.bucket()).build();
            return HeadBucketResponse.builder().build();
        }

        @Override public String serviceName() { return "s3"; }
        @Override public void close() {}
    };

    private final SnsClient sns = new SnsClient() {
        @Override
        public GetTopicAttributesResponse getTopicAttributes(GetTopicAttributesRequest request) {
            asked.add("sns:" + request.topicArn());
            try {
                Thread.sleep(SNS_TAKES_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GetTopicAttributesResponse.builder().build();
        }

        @Override public String serviceName() { return "sns"; }
        @Override public void close() {}
    };

    private final ReadinessHandler handler = new ReadinessHandler(new ReadinessCheck(LocalDynamo.client(), s3, sns, config));

    private JsonNode ready(int expectedStatus) {
        var response = handler.handleRequest(HttpEvents.request("GET", "/health/ready").build(), new TestContext());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
        return Json.tree(response.getBody());
    }

    @Test
    void everyDependencyAnsweringMakesItReadyAndEachProbeAsksForTheConfiguredResource() {
        JsonNode body = ready(200);

        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components")).extracting(c -> c.path("name").asText())
                .containsExactly("dynamodb", "s3", "events-topic");
        body.path("components").forEach(c -> {
            assertThat(c.path("up").asBoolean()).as(c.toString()).isTrue();
            assertThat(c.path("detail").isNull() || c.path("detail").isMissingNode()).as(c.toString()).isTrue();
            assertThat(c.path("latencyMs").asLong()).isBetween(0L, ReadinessCheck.PROBE_TIMEOUT.toMillis());
        });
        assertThat(body.path("components").get(2).path("latencyMs").asLong()).as("the topic's probe took its time")
                .isGreaterThanOrEqualTo(SNS_TAKES_MS);
        assertThat(asked).containsExactlyInAnyOrder("s3:" + config.photosBucket(), "sns:" + config.eventsTopicArn());
    }

    @Test
    void aFailingDependencyIsDownWithTheKindOfItsErrorButNotItsMessage() {
        bucketMissing = true;
        JsonNode body = ready(503);

        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        JsonNode s3Component = body.path("components").get(1);
        assertThat(s3Component.path("name").asText()).isEqualTo("s3");
        assertThat(s3Component.path("up").asBoolean()).isFalse();
        assertThat(s3Component.path("detail").asText()).isEqualTo("NoSuchBucketException");
        assertThat(body.toString()).doesNotContain("no bucket named");
        assertThat(body.path("components").get(0).path("up").asBoolean()).isTrue();
        assertThat(body.path("components").get(2).path("up").asBoolean()).isTrue();
    }

    @Test
    void aTableThatDoesNotExistIsDown() {
        PlatformConfig noTable = TestPlatform.config(java.util.Map.of("TABLE_NAME", "NoSuchTable"));
        var check = new ReadinessCheck(LocalDynamo.client(), s3, sns, noTable).check();

        assertThat(check.ready()).isFalse();
        assertThat(check.components().getFirst()).satisfies(c -> {
            assertThat(c.name()).isEqualTo("dynamodb");
            assertThat(c.up()).isFalse();
            assertThat(c.detail()).isEqualTo("ResourceNotFoundException");
        });
    }
}
