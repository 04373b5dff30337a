package app.domus.notifications.history;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One notification a user was sent, whatever the channels (the in-app history): pk {@code USER#<userId>}, sk
 * {@code NOTIFICATION#<notificationId>} (a ULID: newest last, listed backwards). What was said (title and text as
 * rendered), on which channels it went, and when it was read ({@code readAt}; or everything up to the inbox's
 * {@code readUpTo} counts as read). Kept 90 days, as deliveries are.
 */
public class NotificationItem extends TableItem {
    public static final String SK_PREFIX = "NOTIFICATION#";

    private String id;
    private String userId;
    private String requestId;
    private String category;
    private String template;
    private String title;
    private String body;
    private List<String> channels;
    private String sentAt;
    private String readAt;

    public static String sk(String id) { return SK_PREFIX + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getTemplate() { return template; }
    public void setTemplate(String template) { this.template = template; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public List<String> getChannels() { return channels; }
    public void setChannels(List<String> channels) { this.channels = channels; }
    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }
    public String getReadAt() { return readAt; }
    public void setReadAt(String readAt) { this.readAt = readAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<NotificationItem> SCHEMA = ItemSchema.item(NotificationItem.class, NotificationItem::new)
            .text("id", NotificationItem::getId, NotificationItem::setId)
            .text("userId", NotificationItem::getUserId, NotificationItem::setUserId)
            .text("requestId", NotificationItem::getRequestId, NotificationItem::setRequestId)
            .text("category", NotificationItem::getCategory, NotificationItem::setCategory)
            .text("template", NotificationItem::getTemplate, NotificationItem::setTemplate)
            .text("title", NotificationItem::getTitle, NotificationItem::setTitle)
            .text("body", NotificationItem::getBody, NotificationItem::setBody)
            .textList("channels", NotificationItem::getChannels, NotificationItem::setChannels)
            .text("sentAt", NotificationItem::getSentAt, NotificationItem::setSentAt)
            .text("readAt", NotificationItem::getReadAt, NotificationItem::setReadAt)
            .build();
}
