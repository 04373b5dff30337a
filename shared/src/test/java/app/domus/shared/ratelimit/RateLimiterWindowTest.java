package app.domus.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.MutableClock;
import app.domus.shared.testing.TestPlatform;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fixed windows counted in the table (DynamoDB Local): the limit's last hit passes, the next waits for the window's end. */
class RateLimiterWindowTest {
    private final PlatformConfig config = TestPlatform.config();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:10Z"));
    private final RateLimiter limiter = new RateLimiter(LocalDynamo.client(), config, clock);

    @Test
    void hitsAreCountedPerKeyAndWindowUpToTheLimit() {
        Duration minute = Duration.ofMinutes(1);
        RateLimiter.Decision first = limiter.hit("ip:1", 2, minute);
        assertThat(first.allowed()).isTrue();
        assertThat(first.hits()).isEqualTo(1);
        assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(50));
        clock.advance(Duration.ofSeconds(20));
        RateLimiter.Decision second = limiter.hit("ip:1", 2, minute);
        assertThat(second.allowed()).as("the limit's own hit").isTrue();
        assertThat(second.hits()).isEqualTo(2);
        assertThat(second.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        RateLimiter.Decision third = limiter.hit("ip:1", 2, minute);
        assertThat(third.allowed()).isFalse();
        assertThat(third.hits()).isEqualTo(3);
        assertThat(limiter.hit("ip:2", 2, minute).hits()).as("another key").isEqualTo(1);

        clock.set(Instant.parse("2026-12-02T01:01:00Z"));
        RateLimiter.Decision next = limiter.hit("ip:1", 2, minute);
        assertThat(next.allowed()).as("a new window").isTrue();
        assertThat(next.hits()).isEqualTo(1);
        assertThat(next.retryAfter()).isEqualTo(minute);
    }

    @Test
    void aWindowIsStoredUnderItsStartAndExpiresAMinuteAfterItsEnd() {
        limiter.hit("user:u1", 5, Duration.ofHours(1));
        long start = Instant.parse("2026-12-02T01:00:00Z").toEpochMilli();
        Map<String, AttributeValue> item = LocalDynamo.client().getItem(g -> g.tableName(config.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("RATE#user:u1"), "sk", AttributeValue.fromS(Long.toString(start))))).item();
        assertThat(item.get("hits").n()).isEqualTo("1");
        assertThat(Long.parseLong(item.get("ttl").n())).isEqualTo(Instant.parse("2026-12-02T02:01:00Z").getEpochSecond());
        limiter.hit("user:u1", 5, Duration.ofHours(1));
        Map<String, AttributeValue> again = LocalDynamo.client().getItem(g -> g.tableName(config.tableName()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("RATE#user:u1"), "sk", AttributeValue.fromS(Long.toString(start))))).item();
        assertThat(again.get("hits").n()).isEqualTo("2");
        assertThat(again.get("ttl").n()).isEqualTo(item.get("ttl").n());
    }
}
