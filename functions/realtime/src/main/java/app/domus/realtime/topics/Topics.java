package app.domus.realtime.topics;

import app.domus.shared.http.ApiException;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The registry of followable topics. */
@Singleton
public class Topics {
    /** {@code <kind>:<id>}, e.g. {@code vote:01JD4S6Q0M8Y5C3V7N2B9X1KAY}. */
    public static final Pattern NAME = Pattern.compile("^[a-z]{1,20}:[A-Za-z0-9_-]{1,64}$");

    private final DomusTable table;
    private final DynamoDbClient dynamoDb;

    @Inject
    public Topics(DomusTable table, DynamoDbClient dynamoDb) {
        this.table = table;
        this.dynamoDb = dynamoDb;
    }

    /**
     * Records that an update sent at {@code sentAtMillis} goes out on the topic, unless a later one already went:
     * the live-updates queue does not keep order, and a message that was overtaken would show an older state last.
     *
     * @return false when the update is older than the last one sent (drop it); true otherwise
     */
    public boolean advance(String name, long sentAtMillis) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table.name())
                    .key(Map.of("pk", AttributeValue.fromS(LiveTopicItem.pk(name)), "sk", AttributeValue.fromS(LiveTopicItem.SK)))
                    .updateExpression("SET lastSentAt = :sentAt")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(lastSentAt) OR lastSentAt <= :sentAt)")
                    .expressionAttributeValues(Map.of(":sentAt", AttributeValue.fromN(Long.toString(sentAtMillis)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The topic as the user may follow it: their own personal topic, a topic with members that admits them, or a
     * building's topic (whose readers the caller checks); anything else does not exist for them.
     */
    public LiveTopicItem followable(String name, String userId) {
        if (LiveUpdates.isPersonal(name)) {
            if (!name.equals(LiveUpdates.userTopic(userId))) throw ApiException.notFound("The topic");
            LiveTopicItem own = LiveTopicItem.of(name, null, null, null);
            own.setMemberIds(java.util.List.of(userId));
            return own;
        }
        LiveTopicItem topic = get(name);
        if (Boolean.FALSE.equals(topic.admits(userId))) throw ApiException.notFound("The topic");
        return topic;
    }

    public LiveTopicItem get(String name) {
        return table.get(LiveTopicItem.class, LiveTopicItem.pk(name), LiveTopicItem.SK)
                .orElseThrow(() -> ApiException.notFound("The topic"));
    }
}
