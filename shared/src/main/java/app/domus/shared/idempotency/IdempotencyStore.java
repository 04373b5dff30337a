package app.domus.shared.idempotency;

import app.domus.shared.aws.PlatformConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Runs a piece of work at most once per idempotency key, with the semantics of Powertools' idempotency
 * utility (whose jar the registry lacks): a record goes INPROGRESS with a conditional write, COMPLETED
 * with the result when the work succeeds, and is deleted when it fails so that a retry may run it again.
 *
 * <ul>
 *   <li>a key already COMPLETED and not expired: the work is skipped and the stored result returned;</li>
 *   <li>a key INPROGRESS whose in-progress window has not lapsed: {@link InProgressException} (retry later);</li>
 *   <li>the same key with a different payload hash: {@link PayloadMismatchException}.</li>
 * </ul>
 * The table keys on {@code id}; {@code expiration} (epoch seconds) is its TTL attribute.
 */
@Singleton
public class IdempotencyStore {
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    @Inject
    public IdempotencyStore(DynamoDbClient dynamoDb, PlatformConfig config, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = config.idempotencyTableName();
        this.clock = clock;
    }

    /**
     * @param scope   who is deduplicating (a function name): the same event may be handled once per consumer
     * @param key     the idempotency key (an event id, a client's Idempotency-Key)
     * @param payload what the key was used with; a different payload under the same key is refused
     * @param inProgressFor how long a crashed attempt blocks the key (use the function's timeout)
     */
    public String once(String scope, String key, String payload, Duration inProgressFor, Supplier<String> work) {
        String id = scope + "#" + sha256(key);
        String hash = sha256(payload);
        long now = clock.millis();
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            "id", AttributeValue.fromS(id),
                            "status", AttributeValue.fromS("INPROGRESS"),
                            "validation", AttributeValue.fromS(hash),
                            "expiration", AttributeValue.fromN(Long.toString((now + DEFAULT_EXPIRY.toMillis()) / 1000)),
                            "in_progress_expiration", AttributeValue.fromN(Long.toString(now + inProgressFor.toMillis()))))
                    .conditionExpression("attribute_not_exists(id) OR expiration < :nowSeconds"
                            + " OR (#status = :inProgress AND in_progress_expiration < :nowMillis)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":nowSeconds", AttributeValue.fromN(Long.toString(now / 1000)),
                            ":nowMillis", AttributeValue.fromN(Long.toString(now)),
                            ":inProgress", AttributeValue.fromS("INPROGRESS")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            return existing(e.item(), hash, key);
        }
        String result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(Map.of("id", AttributeValue.fromS(id))));
            throw e;
        }
        dynamoDb.updateItem(b -> b.tableName(tableName)
                .key(Map.of("id", AttributeValue.fromS(id)))
                .updateExpression("SET #status = :completed, #data = :data")
                .expressionAttributeNames(Map.of("#status", "status", "#data", "data"))
                .expressionAttributeValues(Map.of(
                        ":completed", AttributeValue.fromS("COMPLETED"),
                        ":data", AttributeValue.fromS(result == null ? "" : result))));
        return result;
    }

    private static String existing(Map<String, AttributeValue> item, String hash, String key) {
        if (item == null || item.isEmpty()) throw new InProgressException(key);
        String storedHash = Optional.ofNullable(item.get("validation")).map(AttributeValue::s).orElse(hash);
        if (!storedHash.equals(hash)) throw new PayloadMismatchException(key);
        if ("COMPLETED".equals(item.get("status").s())) {
            return Optional.ofNullable(item.get("data")).map(AttributeValue::s).orElse("");
        }
        throw new InProgressException(key);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another attempt holds the key right now. */
    public static final class InProgressException extends RuntimeException {
        InProgressException(String key) {
            super("Work for idempotency key " + key + " is in progress", null, false, false);
        }
    }

    /** The key was used before with a different payload. */
    public static final class PayloadMismatchException extends RuntimeException {
        PayloadMismatchException(String key) {
            super("Idempotency key " + key + " was used with a different payload", null, false, false);
        }
    }
}
