package app.domus.realtime.connections;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A connection following a topic: pk {@code CONNECTION#<connectionId>}, sk {@code TOPIC#<topic>} (so a connection's
 * subscriptions go with it), gsi1 {@code TOPIC#<topic>} / connection id (so a broadcast finds a topic's connections).
 * It expires with its connection.
 */
public class SubscriptionItem extends TableItem {
    private String connectionId;
    private String topic;
    private String userId;
    private String subscribedAt;

    public static String sk(String topic) { return "TOPIC#" + topic; }
    public static String byTopic(String topic) { return "TOPIC#" + topic; }

    public String getConnectionId() { return connectionId; }
    public void setConnectionId(String connectionId) { this.connectionId = connectionId; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getSubscribedAt() { return subscribedAt; }
    public void setSubscribedAt(String subscribedAt) { this.subscribedAt = subscribedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<SubscriptionItem> SCHEMA = ItemSchema.item(SubscriptionItem.class, SubscriptionItem::new)
            .text("connectionId", SubscriptionItem::getConnectionId, SubscriptionItem::setConnectionId)
            .text("topic", SubscriptionItem::getTopic, SubscriptionItem::setTopic)
            .text("userId", SubscriptionItem::getUserId, SubscriptionItem::setUserId)
            .text("subscribedAt", SubscriptionItem::getSubscribedAt, SubscriptionItem::setSubscribedAt)
            .build();
}
