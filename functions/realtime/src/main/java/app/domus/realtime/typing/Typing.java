package app.domus.realtime.typing;

import app.domus.realtime.broadcast.TopicBroadcaster;
import app.domus.realtime.topics.Topics;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.persistence.DomusTable;
import dagger.Lazy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The typing indicator (flow 13), over the WebSocket API only: a conversation's member starts or stops typing, and the
 * other members who are online get {@code {"type":"typing","userId":...,"conversationId":...,"typing":true|false}} at
 * once, straight from the route (no queue between). The conversation is the messaging context's members-only topic
 * {@code conversation:<id>}, so this context knows who is in it without knowing conversations.
 *
 * <p>Someone who goes quiet without {@code typing_stop} is stopped by the server {@link #QUIET} after their last
 * {@code typing_start}: each start rewrites the marker's start time and queues a check delayed by that much (SQS
 * {@code DelaySeconds}); the check clears the marker and relays {@code typing: false} only if the marker still holds the
 * start time it was queued for, so only the check of the last start of a burst fires, and none after a stop.
 */
@Singleton
public class Typing {
    private static final Logger LOG = LoggerFactory.getLogger(Typing.class);
    public static final Duration QUIET = Duration.ofSeconds(3);
    /** A marker outlives its check by this much, then DynamoDB's TTL removes whatever a lost check left. */
    private static final Duration MARKER_KEPT = Duration.ofMinutes(1);

    private final DomusTable table;
    private final DynamoDbClient dynamoDb;
    private final Topics topics;
    private final Lazy<TopicBroadcaster> broadcaster;
    private final SqsClient sqs;
    private final Supplier<String> checksQueueUrl;
    private final Clock clock;

    /** The delayed checks go to {@code TYPING_TIMEOUTS_QUEUE_URL}. */
    @Inject
    public Typing(DomusTable table, DynamoDbClient dynamoDb, Topics topics, Lazy<TopicBroadcaster> broadcaster, SqsClient sqs, Clock clock) {
        this(table, dynamoDb, topics, broadcaster, sqs, () -> Env.required("TYPING_TIMEOUTS_QUEUE_URL"), clock);
    }

    public Typing(DomusTable table, DynamoDbClient dynamoDb, Topics topics, Lazy<TopicBroadcaster> broadcaster, SqsClient sqs,
                  Supplier<String> checksQueueUrl, Clock clock) {
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.topics = topics;
        this.broadcaster = broadcaster;
        this.sqs = sqs;
        this.checksQueueUrl = checksQueueUrl;
        this.clock = clock;
    }

    /** What the other members' devices receive. */
    public record Indicator(String type, String userId, String conversationId, boolean typing) {}

    /** What the delayed check carries: whose start, of when. */
    public record QuietCheck(String conversationId, String userId, long startedAt) {}

    public void start(String userId, String conversationId) {
        LiveTopicItem conversation = conversation(userId, conversationId);
        long startedAt = clock.millis();
        TypingItem marker = new TypingItem();
        marker.setPk(TypingItem.pk(conversationId));
        marker.setSk(TypingItem.sk(userId));
        marker.setConversationId(conversationId);
        marker.setUserId(userId);
        marker.setStartedAt(startedAt);
        marker.setTtl(clock.instant().plus(QUIET).plus(MARKER_KEPT).getEpochSecond());
        dynamoDb.putItem(b -> b.tableName(table.name()).item(TypingItem.SCHEMA.itemToMap(marker, true)));
        sqs.sendMessage(b -> b.queueUrl(checksQueueUrl.get())
                .messageBody(Json.write(new QuietCheck(conversationId, userId, startedAt)))
                .delaySeconds((int) QUIET.toSeconds()));
        relay(conversation, userId, true);
    }

    public void stop(String userId, String conversationId) {
        LiveTopicItem conversation = conversation(userId, conversationId);
        dynamoDb.deleteItem(b -> b.tableName(table.name()).key(key(conversationId, userId)));
        relay(conversation, userId, false);
    }

    /** The delayed check: {@code typing: false} for a start that no later start or stop has overtaken. */
    public boolean quiet(QuietCheck check) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(table.name()).key(key(check.conversationId(), check.userId()))
                    .conditionExpression("startedAt = :startedAt")
                    .expressionAttributeValues(Map.of(":startedAt", AttributeValue.fromN(Long.toString(check.startedAt())))));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        table.get(LiveTopicItem.class, LiveTopicItem.pk(topic(check.conversationId())), LiveTopicItem.SK)
                .ifPresent(conversation -> relay(conversation, check.userId(), false));
        return true;
    }

    /** The conversation's topic, if the user is one of its members; to anyone else it does not exist. */
    private LiveTopicItem conversation(String userId, String conversationId) {
        LiveTopicItem topic = topics.followable(topic(conversationId), userId);
        if (topic.admits(userId) == null) throw app.domus.shared.http.ApiException.notFound("The topic");
        return topic;
    }

    /** To each other member's personal topic: whoever is online gets it; an indicator is never pushed nor retried. */
    private void relay(LiveTopicItem conversation, String userId, boolean typing) {
        Indicator indicator = new Indicator("typing", userId, conversation.getName().substring("conversation:".length()), typing);
        for (String member : conversation.getMemberIds()) {
            if (member.equals(userId)) continue;
            try {
                broadcaster.get().broadcast(LiveUpdates.userTopic(member), indicator);
            } catch (RuntimeException e) {
                LOG.warn("Typing indicator not relayed to a member of {}: {}", conversation.getName(), e.getMessage());
            }
        }
    }

    static String topic(String conversationId) {
        return "conversation:" + conversationId;
    }

    private static Map<String, AttributeValue> key(String conversationId, String userId) {
        return Map.of("pk", AttributeValue.fromS(TypingItem.pk(conversationId)), "sk", AttributeValue.fromS(TypingItem.sk(userId)));
    }
}
