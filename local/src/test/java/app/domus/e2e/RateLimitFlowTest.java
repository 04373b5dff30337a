package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The kernel's rate limit of each endpoint class through the local cloud: an auth route, a write, a read, the public
 * search and a webhook each answer with the RateLimit headers, and once the class's counter stands at its limit (put
 * there directly in the table, for the current and the next window, since the local stage's limits are high enough
 * that the other suites never meet them) the next request is 429 problem+json with Retry-After, and so is the one
 * after (refused from the instance's memory). Anonymous classes count per client address: this test sends them from
 * addresses of its own (127.0.0.x), so that no other suite shares their counters.
 */
@ExtendWith(LocalCloudExtension.class)
class RateLimitFlowTest {
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void client() {
        dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @Test
    void authRoutesAreLimitedPerClientAddress(LocalCloudClient cloud) throws Exception {
        String from = "127.0.0.71";
        exhaust(cloud, new String[] {"POST", "/auth/login"}, "auth", "ip:" + from, () -> from(cloud, from, "POST", "/auth/login",
                json(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test", "password", "not the password 2026"))), 401);
    }

    @Test
    void writesAreLimitedPerCaller(LocalCloudClient cloud) throws Exception {
        String userId = "limits-writer-" + UUID.randomUUID();
        var caller = cloud.withClaims(Map.of("sub", userId, "email", userId + "@example.test", "email_verified", true));
        exhaust(cloud, new String[] {"POST", "/organisations"}, "writes", "user:" + userId, () -> caller.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/organisations", "{}"), 400);
    }

    @Test
    void readsAreLimitedPerCaller(LocalCloudClient cloud) throws Exception {
        String userId = "limits-reader-" + UUID.randomUUID();
        var caller = cloud.withClaims(Map.of("sub", userId, "email", userId + "@example.test", "email_verified", true));
        String buildingId = cloud.cloud().demoData().ids().get("buildingId");
        exhaust(cloud, new String[] {"GET", "/buildings/{buildingId}"}, "reads", "user:" + userId, () -> caller.get("/buildings/" + buildingId), 404);
    }

    @Test
    void thePublicSearchIsLimitedPerClientAddress(LocalCloudClient cloud) throws Exception {
        String from = "127.0.0.72";
        exhaust(cloud, new String[] {"GET", "/listings"}, "public_search", "ip:" + from, () -> from(cloud, from, "GET", "/listings?city=Nowhere", null), 400);
    }

    @Test
    void webhooksAreLimitedPerRouteAndSender(LocalCloudClient cloud) throws Exception {
        String from = "127.0.0.73";
        exhaust(cloud, new String[] {"POST", "/webhooks/payments"}, "webhooks", "POST_/webhooks/payments#ip:" + from,
                () -> from(cloud, from, "POST", "/webhooks/payments", "{\"id\":\"evt_forged\"}"), 400);
    }

    /**
     * One request as the class allows it (its status and headers), then the counter set one short of the limit: one more
     * is allowed with nothing remaining, the next two are 429.
     */
    private static void exhaust(LocalCloudClient cloud, String[] operation, String type, String subject, Supplier<ApiResponse> request, int allowedStatus) {
        ApiResponse first = OpenApiContract.conforms(operation[0], operation[1], request.get());
        assertThat(first.status()).as(first.body()).isEqualTo(allowedStatus);
        long limit = Long.parseLong(first.header("ratelimit-limit"));
        assertThat(Long.parseLong(first.header("ratelimit-remaining"))).isBetween(0L, limit - 1);
        long window = Long.parseLong(first.header("ratelimit-policy").replaceFirst("^[0-9]+;w=", ""));
        assertThat(first.header("ratelimit-policy")).isEqualTo(limit + ";w=" + window);
        assertThat(Long.parseLong(first.header("ratelimit-reset"))).isBetween(1L, window);
        assertThat(first.header("retry-after")).isNull();

        String table = cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
        long now = System.currentTimeMillis();
        long windowMillis = window * 1000;
        for (long start : new long[] {now - Math.floorMod(now, windowMillis), now - Math.floorMod(now, windowMillis) + windowMillis}) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("RATE#LIMIT#" + type + "#" + subject), "sk", AttributeValue.fromS(Long.toString(start)),
                    "hits", AttributeValue.fromN(Long.toString(limit - 1)), "ttl", AttributeValue.fromN(Long.toString(start / 1000 + 2 * window)))));
        }

        ApiResponse last = request.get();
        assertThat(last.status()).as(last.body()).isEqualTo(allowedStatus);
        assertThat(last.header("ratelimit-remaining")).isEqualTo("0");

        ApiResponse next = request.get();
        if (next.status() != 429) {
            // The window ended between the two requests: the next window was set one short too, so this one was its last.
            assertThat(next.header("ratelimit-remaining")).as(next.body()).isEqualTo("0");
        }
        for (int i = 0; i < 2; i++) {
            ApiResponse refused = i == 0 && next.status() == 429 ? next : request.get();
            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.header("content-type")).contains("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo("https://problems.domus.app/too-many-requests");
            assertThat(refused.header("ratelimit-limit")).isEqualTo(Long.toString(limit));
            assertThat(refused.header("ratelimit-remaining")).isEqualTo("0");
            assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, window);
            assertThat(refused.header("retry-after")).isEqualTo(refused.header("ratelimit-reset"));
            OpenApiContract.conforms(operation[0], operation[1], refused);
        }
    }

    /** A request sent from {@code address} (a loopback address of its own), as the local gateway sees its client. */
    private static ApiResponse from(LocalCloudClient cloud, String address, String method, String path, String body) {
        try (HttpClient http = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.httpUrl() + path)).timeout(Duration.ofSeconds(30))
                    .header("content-type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
