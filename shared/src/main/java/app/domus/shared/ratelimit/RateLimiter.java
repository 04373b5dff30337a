package app.domus.shared.ratelimit;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Fixed-window counters in the Domus table, shared by every concurrent Lambda instance (pk
 * {@code RATE#<key>}, sk the window's start; the TTL removes old windows). One atomic ADD per hit.
 */
@Singleton
public class RateLimiter {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    @Inject
    public RateLimiter(DynamoDbClient dynamoDb, PlatformConfig config, Clock clock) {
        this(dynamoDb, config.tableName(), clock);
    }

    public RateLimiter(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** Counts one hit; the decision says whether it stays within {@code limit} per {@code window}. */
    public Decision hit(String key, int limit, Duration window) {
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, window.toMillis());
        var result = dynamoDb.updateItem(b -> b.tableName(tableName)
                .key(Map.of("pk", AttributeValue.fromS("RATE#" + key), "sk", AttributeValue.fromS(Long.toString(windowStart))))
                .updateExpression("ADD hits :one SET #ttl = if_not_exists(#ttl, :ttl)")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":ttl", AttributeValue.fromN(Long.toString((windowStart + window.toMillis()) / 1000 + 60))))
                .returnValues(ReturnValue.UPDATED_NEW));
        long hits = Long.parseLong(result.attributes().get("hits").n());
        Duration retryAfter = Duration.ofMillis(windowStart + window.toMillis() - now);
        return new Decision(hits <= limit, hits, retryAfter);
    }

    public record Decision(boolean allowed, long hits, Duration retryAfter) {}
}
