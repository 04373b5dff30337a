package app.domus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.json.Json;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import app.domus.shared.testing.TestPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Readiness reports each dependency: the real table in DynamoDB Local is up; S3 and SNS are pointed at a server that
 * never answers, and the check still comes back within its deadline, reporting them down and the whole as 503.
 */
class ReadinessHandlerTest {
    private HttpServer silent;

    @AfterEach
    void stop() {
        if (silent != null) silent.stop(0);
    }

    @Test
    void aHungDependencyMakesReadinessFailFastAndSaysWhich() throws Exception {
        silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        silent.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        silent.start();
        URI hung = URI.create("http://127.0.0.1:" + silent.getAddress().getPort());
        PlatformConfig config = TestPlatform.config();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        S3Client s3 = S3Client.builder().endpointOverride(hung).region(Region.EU_CENTRAL_1).credentialsProvider(credentials)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
        SnsClient sns = SnsClient.builder().endpointOverride(hung).region(Region.EU_CENTRAL_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        ReadinessHandler handler = new ReadinessHandler(new ReadinessCheck(LocalDynamo.client(), s3, sns, config));

        long started = System.nanoTime();
        var response = handler.handleRequest(HttpEvents.request("GET", "/health/ready").build(), new TestContext());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(took).isLessThan(ReadinessCheck.PROBE_TIMEOUT.plusSeconds(2));
        JsonNode body = Json.tree(response.getBody());
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        Map<String, Boolean> up = new java.util.HashMap<>();
        body.path("components").forEach(c -> up.put(c.path("name").asText(), c.path("up").asBoolean()));
        assertThat(up).containsEntry("dynamodb", true).containsEntry("s3", false).containsEntry("events-topic", false);
    }

    @Test
    void livenessTouchesNothing() {
        var response = new HealthHandler().handleRequest(HttpEvents.request("GET", "/health").build(), new TestContext());
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Json.tree(response.getBody()).path("status").asText()).isEqualTo("UP");
    }
}
