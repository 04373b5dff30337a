package app.domus.notifications.history;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A user's notification counter: pk {@code USER#<userId>}, sk {@code NOTIFICATIONS}. {@code unread} is added to with each
 * notification recorded and taken from with each one read; read-all sets it to zero and {@code readUpTo} to the newest
 * notification's id, which marks everything up to it read without touching each.
 */
public class InboxItem extends TableItem {
    public static final String SK = "NOTIFICATIONS";

    private Long unread;
    private String readUpTo;
    private String updatedAt;

    public Long getUnread() { return unread; }
    public void setUnread(Long unread) { this.unread = unread; }
    public String getReadUpTo() { return readUpTo; }
    public void setReadUpTo(String readUpTo) { this.readUpTo = readUpTo; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InboxItem> SCHEMA = ItemSchema.item(InboxItem.class, InboxItem::new)
            .attribute(Long.class, "unread", InboxItem::getUnread, InboxItem::setUnread)
            .text("readUpTo", InboxItem::getReadUpTo, InboxItem::setReadUpTo)
            .text("updatedAt", InboxItem::getUpdatedAt, InboxItem::setUpdatedAt)
            .build();
}
