package app.domus.assistant.chat;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's conversation with the assistant: pk {@code ASSISTANT_CHAT#<conversationId>}, sk {@code CONVERSATION}. Its
 * last turns ({@link Conversations#KEEP_TURNS}, JSON) are the context of the next; it expires a day after its last turn
 * ({@code ttl}, and {@code expiresAt} checked on read since the TTL deletes only eventually). Only its person reads it.
 */
public class ConversationItem extends TableItem {
    public static final String SK = "CONVERSATION";

    private String conversationId;
    private String userId;
    private String organisationId;
    private String turns;
    private String startedAt;
    private String updatedAt;
    private String expiresAt;

    public static String pk(String conversationId) { return "ASSISTANT_CHAT#" + conversationId; }

    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getTurns() { return turns; }
    public void setTurns(String turns) { this.turns = turns; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    public static final TableSchema<ConversationItem> SCHEMA = ItemSchema.item(ConversationItem.class, ConversationItem::new)
            .text("conversationId", ConversationItem::getConversationId, ConversationItem::setConversationId)
            .text("userId", ConversationItem::getUserId, ConversationItem::setUserId)
            .text("organisationId", ConversationItem::getOrganisationId, ConversationItem::setOrganisationId)
            .text("turns", ConversationItem::getTurns, ConversationItem::setTurns)
            .text("startedAt", ConversationItem::getStartedAt, ConversationItem::setStartedAt)
            .text("updatedAt", ConversationItem::getUpdatedAt, ConversationItem::setUpdatedAt)
            .text("expiresAt", ConversationItem::getExpiresAt, ConversationItem::setExpiresAt)
            .build();
}
