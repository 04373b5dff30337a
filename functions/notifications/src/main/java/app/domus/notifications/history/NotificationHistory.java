package app.domus.notifications.history;

import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.notify.Channel;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.persistence.Cursor;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Every notification a user was sent, on any channel: recorded by the notifier once per request (with the inbox's
 * unread count, in one transaction), listed newest first, read one by one or all at once, and sent live to the user's
 * devices online ({@code {"type":"notification","notification":{...},"unread":n}} on their personal topic).
 */
@Singleton
public class NotificationHistory {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationHistory.class);
    static final Duration KEPT = Duration.ofDays(90);

    private final DomusTable table;
    private final DynamoDbClient dynamoDb;
    private final LiveUpdates liveUpdates;
    private final Clock clock;

    @Inject
    public NotificationHistory(DomusTable table, DynamoDbClient dynamoDb, LiveUpdates liveUpdates, Clock clock) {
        this.table = table;
        this.dynamoDb = dynamoDb;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
    }

    /** What a user's devices online are sent when a notification is recorded. */
    public record LiveNotification(String type, NotificationView notification, long unread) {}

    /** What the list answers: a page, newest first, and the unread count. */
    public record HistoryPage(List<NotificationView> items, String nextCursor, long unread) {}

    /** Records that the user was sent this (the caller makes it once per request); tells their devices online. */
    public NotificationItem record(NotificationRequest request, String title, String body, Set<Channel> channels) {
        Instant now = clock.instant();
        NotificationItem n = new NotificationItem();
        n.setId(Ids.newId());
        n.setPk(UserItem.pk(request.userId()));
        n.setSk(NotificationItem.sk(n.getId()));
        n.setUserId(request.userId());
        n.setRequestId(request.id());
        n.setCategory(request.category().name());
        n.setTemplate(request.template());
        n.setTitle(title);
        n.setBody(body);
        n.setChannels(channels.stream().map(Channel::name).sorted().toList());
        n.setSentAt(now.toString());
        n.setTtl(now.plus(KEPT).getEpochSecond());
        n.setVersion(1L);
        dynamoDb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(NotificationItem.SCHEMA.itemToMap(n, true))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().update(inbox(request.userId(), "ADD unread :one, version :one SET updatedAt = :now",
                        Map.of(":one", n(1), ":now", s(now.toString())), null)).build()));
        InboxItem inbox = inbox(request.userId());
        try {
            liveUpdates.send(LiveUpdates.userTopic(request.userId()), new LiveNotification("notification",
                    NotificationView.of(n, inbox.getReadUpTo()), unread(inbox)));
        } catch (RuntimeException e) {
            // The history has it; the next GET /notifications shows it.
            LOG.warn("Notification {} not sent live: {}", n.getId(), e.getMessage());
        }
        return n;
    }

    public HistoryPage page(String userId, int limit, String cursor) {
        String pk = UserItem.pk(userId);
        QueryEnhancedRequest request = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(NotificationItem.SK_PREFIX).build()))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(Cursor.decode(cursor, "pk", pk))
                .build();
        var page = table.of(NotificationItem.class).query(request).iterator().next();
        InboxItem inbox = inbox(userId);
        Page<NotificationView> views = new Page<>(page.items(), Cursor.encode(page.lastEvaluatedKey()))
                .map(n -> NotificationView.of(n, inbox.getReadUpTo()));
        return new HistoryPage(views.items(), views.nextCursor(), unread(inbox));
    }

    /** Marks one notification read; reading it again changes nothing. Someone else's does not exist. */
    public NotificationView markRead(String userId, String notificationId) {
        if (notificationId == null || !notificationId.matches("[0-9A-Z]{26}")) throw ApiException.notFound("The notification");
        NotificationItem n = table.get(NotificationItem.class, UserItem.pk(userId), NotificationItem.sk(notificationId))
                .orElseThrow(() -> ApiException.notFound("The notification"));
        InboxItem inbox = inbox(userId);
        NotificationView view = NotificationView.of(n, inbox.getReadUpTo());
        if (view.read()) return view;
        String now = clock.instant().toString();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(table.name())
                            .key(Map.of("pk", s(n.getPk()), "sk", s(n.getSk())))
                            .updateExpression("SET readAt = :now ADD version :one")
                            .conditionExpression("attribute_exists(pk) AND attribute_not_exists(readAt)")
                            .expressionAttributeValues(Map.of(":now", s(now), ":one", n(1))).build()).build(),
                    TransactWriteItem.builder().update(inbox(userId, "ADD unread :minus, version :one SET updatedAt = :now",
                            Map.of(":minus", n(-1), ":one", n(1), ":now", s(now), ":zero", n(0)), "unread > :zero")).build()));
        } catch (TransactionCanceledException e) {
            // Read meanwhile (this one, or all of them): it is read either way.
        }
        n.setReadAt(now);
        return NotificationView.of(n, inbox.getReadUpTo());
    }

    /** Marks everything sent so far read: the inbox remembers the newest notification's id. */
    public long markAllRead(String userId) {
        String pk = UserItem.pk(userId);
        var newest = table.of(NotificationItem.class).query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(Key.builder().partitionValue(pk).sortValue(NotificationItem.SK_PREFIX).build()))
                .scanIndexForward(false).limit(1).build()).iterator().next().items();
        if (newest.isEmpty()) return 0;
        String upTo = newest.getFirst().getId();
        try {
            dynamoDb.updateItem(b -> b.tableName(table.name()).key(Map.of("pk", s(pk), "sk", s(InboxItem.SK)))
                    .updateExpression("SET readUpTo = :upTo, unread = :zero, updatedAt = :now ADD version :one")
                    .conditionExpression("attribute_not_exists(readUpTo) OR readUpTo < :upTo")
                    .expressionAttributeValues(Map.of(":upTo", s(upTo), ":zero", n(0), ":now", s(clock.instant().toString()), ":one", n(1))));
        } catch (ConditionalCheckFailedException e) {
            // Everything up to this one was marked read already.
        }
        return unread(userId);
    }

    public long unread(String userId) {
        return unread(inbox(userId));
    }

    private InboxItem inbox(String userId) {
        return table.get(InboxItem.class, UserItem.pk(userId), InboxItem.SK).orElseGet(InboxItem::new);
    }

    private static long unread(InboxItem inbox) {
        return inbox.getUnread() == null ? 0 : Math.max(0, inbox.getUnread());
    }

    private Update inbox(String userId, String expression, Map<String, AttributeValue> values, String condition) {
        Update.Builder update = Update.builder().tableName(table.name())
                .key(Map.of("pk", s(UserItem.pk(userId)), "sk", s(InboxItem.SK)))
                .updateExpression(expression)
                .expressionAttributeValues(values);
        if (condition != null) update.conditionExpression(condition);
        return update.build();
    }

    private static AttributeValue s(String value) { return AttributeValue.fromS(value); }
    private static AttributeValue n(long value) { return AttributeValue.fromN(Long.toString(value)); }
}
