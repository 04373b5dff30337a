package app.domus.shared.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.http.HttpResponse;
import app.domus.shared.json.Json;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.MutableClock;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RequestGuardTest {
    private final DynamoDbClient dynamoDb = LocalDynamo.client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private String table;

    /** Answers 200, or what it is told to throw; counts the calls that reached it. */
    static class Echo extends HttpHandler {
        final AtomicInteger served = new AtomicInteger();
        private final RequestGuard guard;

        Echo(RequestGuard guard) {
            this.guard = guard;
        }

        @Override
        protected RequestGuard guard() {
            return guard;
        }

        @Override
        protected HttpResponse handle(HttpRequest request) {
            served.incrementAndGet();
            return HttpResponse.ok(Map.of("ok", true));
        }
    }

    @RateLimited(EndpointClass.AUTH)
    static class SignIn extends Echo {
        SignIn(RequestGuard guard) { super(guard); }
    }

    @RateLimited(EndpointClass.UNLIMITED)
    static class Health extends Echo {
        Health(RequestGuard guard) { super(guard); }
    }

    @BeforeEach
    void freshTable() {
        table = LocalDynamo.freshTable("DomusTable");
    }

    private RequestGuard guard(String limits, Duration staleness) {
        RateLimitPolicy policy = RateLimitPolicy.parse(limits);
        return new RequestGuard(new EndpointLimits(policy, new RateLimiter(dynamoDb, table, clock), clock),
                staleness == null ? null : new SessionCheck(dynamoDb, table, clock, staleness));
    }

    private static APIGatewayV2HTTPResponse send(HttpHandler handler, HttpEvents event) {
        return handler.handleRequest(event.build(), new TestContext());
    }

    private long storedHits(String key) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, 60_000L);
        var item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("RATE#" + key),
                "sk", AttributeValue.fromS(Long.toString(windowStart))))).item();
        return item.isEmpty() ? 0 : Long.parseLong(item.get("hits").n());
    }

    @Test
    void eachRouteHasOneClassByAnnotationOrByMethod() {
        assertThat(EndpointClass.of(SignIn.class, "POST")).isEqualTo(EndpointClass.AUTH);
        assertThat(EndpointClass.of(SignIn.class, "GET")).isEqualTo(EndpointClass.AUTH);
        assertThat(EndpointClass.of(Echo.class, "GET")).isEqualTo(EndpointClass.READS);
        assertThat(EndpointClass.of(Echo.class, "HEAD")).isEqualTo(EndpointClass.READS);
        assertThat(EndpointClass.of(Echo.class, "POST")).isEqualTo(EndpointClass.WRITES);
        assertThat(EndpointClass.of(Echo.class, "DELETE")).isEqualTo(EndpointClass.WRITES);
        assertThat(EndpointClass.of(Health.class, "GET")).isEqualTo(EndpointClass.UNLIMITED);
    }

    @Test
    void thePolicyIsReadFromTheStagesValueAndATypoFails() {
        RateLimitPolicy policy = RateLimitPolicy.parse("auth=10/60, writes=60/60,public_search=120/30");
        assertThat(policy.of(EndpointClass.AUTH)).contains(new RateLimitPolicy.Limit(10, Duration.ofMinutes(1)));
        assertThat(policy.of(EndpointClass.PUBLIC_SEARCH)).contains(new RateLimitPolicy.Limit(120, Duration.ofSeconds(30)));
        assertThat(policy.of(EndpointClass.READS)).isEmpty();
        assertThat(RateLimitPolicy.parse("off").isOff()).isTrue();
        assertThat(RateLimitPolicy.parse("").isOff()).isTrue();
        assertThatThrownBy(() -> RateLimitPolicy.parse("auht=10/60")).hasMessageContaining("auht");
        assertThatThrownBy(() -> RateLimitPolicy.parse("auth=10")).hasMessageContaining("auth=10");
        assertThatThrownBy(() -> RateLimitPolicy.parse("auth=0/60")).hasMessageContaining("positive");
    }

    @Test
    void withoutTheStagesSettingsNothingIsGuarded() {
        assertThat(RequestGuard.fromEnvironment()).isSameAs(RequestGuard.none());
        Echo echo = new Echo(RequestGuard.fromEnvironment());
        for (int i = 0; i < 3; i++) assertThat(send(echo, HttpEvents.request("GET", "/x").as("u1")).getHeaders()).doesNotContainKey("RateLimit-Limit");
    }

    @Test
    void everyAnswerCarriesTheHeadersAndTheRequestBeyondTheLimitIs429UntilTheWindowEnds() {
        Echo reads = new Echo(guard("reads=3/60", null));
        clock.set(Instant.parse("2026-12-02T10:00:15Z"));
        for (int i = 1; i <= 3; i++) {
            var ok = send(reads, HttpEvents.request("GET", "/buildings/b1").as("u1"));
            assertThat(ok.getStatusCode()).isEqualTo(200);
            assertThat(ok.getHeaders()).containsEntry("RateLimit-Limit", "3").containsEntry("RateLimit-Remaining", Integer.toString(3 - i))
                    .containsEntry("RateLimit-Reset", "45").containsEntry("RateLimit-Policy", "3;w=60").doesNotContainKey("Retry-After");
        }
        var refused = send(reads, HttpEvents.request("GET", "/buildings/b1").as("u1"));
        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Retry-After", "45").containsEntry("RateLimit-Remaining", "0").containsEntry("RateLimit-Limit", "3");
        assertThat(Json.tree(refused.getBody()).path("type").asText()).endsWith("/too-many-requests");
        assertThat(reads.served).as("the handler never ran for the refused request").hasValue(3);

        assertThat(send(reads, HttpEvents.request("GET", "/buildings/b1").as("u2")).getStatusCode())
                .as("another caller has a counter of its own").isEqualTo(200);
        assertThat(send(reads, HttpEvents.request("POST", "/buildings").as("u1")).getHeaders())
                .as("writes are another class, not limited by this policy").doesNotContainKey("RateLimit-Limit");

        clock.advance(Duration.ofSeconds(45));
        var next = send(reads, HttpEvents.request("GET", "/buildings/b1").as("u1"));
        assertThat(next.getStatusCode()).as("a new window").isEqualTo(200);
        assertThat(next.getHeaders()).containsEntry("RateLimit-Remaining", "2").containsEntry("RateLimit-Reset", "60");
    }

    @Test
    void aWindowKnownToBeExceededCostsNoWrite() {
        Echo writes = new Echo(guard("writes=2/60", null));
        for (int i = 0; i < 3; i++) send(writes, HttpEvents.request("POST", "/faults").as("u1"));
        assertThat(storedHits("LIMIT#writes#user:u1")).isEqualTo(3);
        for (int i = 0; i < 5; i++) assertThat(send(writes, HttpEvents.request("POST", "/faults").as("u1")).getStatusCode()).isEqualTo(429);
        assertThat(storedHits("LIMIT#writes#user:u1")).as("refused from memory, not counted again").isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(send(writes, HttpEvents.request("POST", "/faults").as("u1")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void anonymousAndAuthRoutesCountPerClientAddressAndHealthIsNotLimited() {
        RequestGuard guard = guard("auth=2/60,reads=1/60,writes=1/60", null);
        SignIn signIn = new SignIn(guard);
        for (int i = 0; i < 2; i++) assertThat(send(signIn, HttpEvents.request("POST", "/auth/login").sourceIp("203.0.113.7")).getStatusCode()).isEqualTo(200);
        assertThat(send(signIn, HttpEvents.request("POST", "/auth/login").sourceIp("203.0.113.7")).getStatusCode()).isEqualTo(429);
        assertThat(send(signIn, HttpEvents.request("POST", "/auth/login").sourceIp("203.0.113.7").as("u9")).getStatusCode())
                .as("a token does not buy another auth allowance from the same address").isEqualTo(429);
        assertThat(send(signIn, HttpEvents.request("POST", "/auth/login").sourceIp("198.51.100.2")).getStatusCode()).isEqualTo(200);
        Health health = new Health(guard);
        for (int i = 0; i < 5; i++) {
            var ok = send(health, HttpEvents.request("GET", "/health").sourceIp("203.0.113.7"));
            assertThat(ok.getStatusCode()).isEqualTo(200);
            assertThat(ok.getHeaders()).doesNotContainKey("RateLimit-Limit");
        }
    }

    @Test
    void aTokenOfAnEndedSessionIsRefusedOnceTheStalenessBoundHasPassed() {
        Echo echo = new Echo(guard("off", Duration.ofSeconds(5)));
        putSession("u1", "s1");
        putSession("u1", "s2");
        var asS1 = HttpEvents.request("GET", "/buildings/b1").claims(Map.of("sub", "u1", "sid", "s1"));
        var asS2 = HttpEvents.request("GET", "/buildings/b1").claims(Map.of("sub", "u1", "sid", "s2"));
        assertThat(send(echo, asS1).getStatusCode()).isEqualTo(200);
        assertThat(send(echo, asS2).getStatusCode()).isEqualTo(200);

        deleteSession("u1", "s1");
        clock.advance(Duration.ofSeconds(4));
        assertThat(send(echo, asS1).getStatusCode()).as("cached for the staleness bound").isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        var refused = send(echo, asS1);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(Json.tree(refused.getBody()).path("type").asText()).endsWith("/invalid-token");
        assertThat(send(echo, asS2).getStatusCode()).as("the user's other session goes on").isEqualTo(200);
        assertThat(send(echo, HttpEvents.request("GET", "/buildings/b1").claims(Map.of("sub", "u1", "sid", "never"))).getStatusCode())
                .as("a session that never existed").isEqualTo(401);
        assertThat(send(echo, HttpEvents.request("GET", "/health")).getStatusCode()).as("no token, nothing to check").isEqualTo(200);
        assertThat(echo.served).hasValue(5);
    }

    @Test
    void withNoCacheEveryRequestReadsTheSession() {
        Echo echo = new Echo(guard("off", Duration.ZERO));
        putSession("u1", "s1");
        var asS1 = HttpEvents.request("GET", "/buildings/b1").claims(Map.of("sub", "u1", "sid", "s1"));
        assertThat(send(echo, asS1).getStatusCode()).isEqualTo(200);
        deleteSession("u1", "s1");
        assertThat(send(echo, asS1).getStatusCode()).isEqualTo(401);
    }

    private void putSession(String userId, String sessionId) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(UserItem.pk(userId)),
                "sk", AttributeValue.fromS("SESSION#" + sessionId), "sessionId", AttributeValue.fromS(sessionId))));
    }

    private void deleteSession(String userId, String sessionId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(UserItem.pk(userId)),
                "sk", AttributeValue.fromS("SESSION#" + sessionId))));
    }
}
