package app.domus.shared.guard;

import app.domus.shared.directory.UserItem;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether an access token's session ({@code sid}) still exists: identity deletes the session item ({@code USER#<userId>},
 * {@code SESSION#<sessionId>}) on logout, on logout everywhere, on a password change (every other session) and when a
 * refresh token is replayed, so a token of an ended session stops working here within {@code staleness} instead of at
 * its expiry (15 minutes). One consistent GetItem of the key only per user and session and {@code staleness} per
 * instance; an ended session is remembered as ended (a session id is never reused).
 */
public final class SessionCheck {
    private static final int MAX_REMEMBERED = 10_000;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final Duration staleness;
    private final Map<String, Long> openUntil = new ConcurrentHashMap<>();
    private final Map<String, Boolean> ended = new ConcurrentHashMap<>();

    public SessionCheck(DynamoDbClient dynamoDb, String tableName, Clock clock, Duration staleness) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.staleness = staleness;
    }

    public Duration staleness() {
        return staleness;
    }

    public boolean isOpen(String userId, String sessionId) {
        String key = userId + "#" + sessionId;
        if (ended.containsKey(key)) return false;
        long now = clock.millis();
        Long until = openUntil.get(key);
        if (until != null && now < until) return true;
        boolean open = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(UserItem.pk(userId)), "sk", AttributeValue.fromS("SESSION#" + sessionId)))
                .projectionExpression("pk")).hasItem();
        if (openUntil.size() >= MAX_REMEMBERED) openUntil.clear();
        if (ended.size() >= MAX_REMEMBERED) ended.clear();
        if (open) {
            if (!staleness.isZero()) openUntil.put(key, now + staleness.toMillis());
        } else {
            openUntil.remove(key);
            ended.put(key, Boolean.TRUE);
        }
        return open;
    }
}
