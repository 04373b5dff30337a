package app.domus.realtime.typing;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The short-lived marker of someone typing in a conversation: pk {@code TYPING#<conversationId>}, sk
 * {@code USER#<userId>}, {@code startedAt} the epoch milliseconds of their last {@code typing_start}. Nothing else of
 * typing is stored; the TTL removes a marker that outlived its timeout.
 */
public class TypingItem extends TableItem {
    private String conversationId;
    private String userId;
    private Long startedAt;

    public static String pk(String conversationId) { return "TYPING#" + conversationId; }
    public static String sk(String userId) { return "USER#" + userId; }

    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public Long getStartedAt() { return startedAt; }
    public void setStartedAt(Long startedAt) { this.startedAt = startedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<TypingItem> SCHEMA = ItemSchema.item(TypingItem.class, TypingItem::new)
            .text("conversationId", TypingItem::getConversationId, TypingItem::setConversationId)
            .text("userId", TypingItem::getUserId, TypingItem::setUserId)
            .attribute(Long.class, "startedAt", TypingItem::getStartedAt, TypingItem::setStartedAt)
            .build();
}
