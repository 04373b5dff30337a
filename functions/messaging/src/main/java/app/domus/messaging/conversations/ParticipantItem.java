package app.domus.messaging.conversations;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person in a conversation and what they have read: pk {@code CONVERSATION#<id>}, sk {@code PARTICIPANT#<userId>};
 * gsi1 {@code USER#<userId>#CONVERSATIONS} / {@code <lastActivityAt>#<conversationId>}, so that a person's conversations
 * come newest activity first. {@code unread} counts the others' messages after {@code lastReadMessageId}: each message
 * adds one for everyone but its sender in the transaction that stores it, and a read receipt sets it to what is left.
 */
public class ParticipantItem extends TableItem {
    public static final String SK_PREFIX = "PARTICIPANT#";

    private String conversationId;
    private String userId;
    private String organisationId;
    private String joinedAt;
    private String lastActivityAt;
    private String lastReadMessageId;
    private String lastReadAt;
    private Long unread;

    public static String sk(String userId) { return SK_PREFIX + userId; }
    public static String byUser(String userId) { return "USER#" + userId + "#CONVERSATIONS"; }
    public static String activity(String at, String conversationId) { return at + "#" + conversationId; }

    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getJoinedAt() { return joinedAt; }
    public void setJoinedAt(String joinedAt) { this.joinedAt = joinedAt; }
    public String getLastActivityAt() { return lastActivityAt; }
    public void setLastActivityAt(String lastActivityAt) { this.lastActivityAt = lastActivityAt; }
    public String getLastReadMessageId() { return lastReadMessageId; }
    public void setLastReadMessageId(String lastReadMessageId) { this.lastReadMessageId = lastReadMessageId; }
    public String getLastReadAt() { return lastReadAt; }
    public void setLastReadAt(String lastReadAt) { this.lastReadAt = lastReadAt; }
    public Long getUnread() { return unread; }
    public void setUnread(Long unread) { this.unread = unread; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ParticipantItem> SCHEMA = ItemSchema.item(ParticipantItem.class, ParticipantItem::new)
            .text("conversationId", ParticipantItem::getConversationId, ParticipantItem::setConversationId)
            .text("userId", ParticipantItem::getUserId, ParticipantItem::setUserId)
            .text("organisationId", ParticipantItem::getOrganisationId, ParticipantItem::setOrganisationId)
            .text("joinedAt", ParticipantItem::getJoinedAt, ParticipantItem::setJoinedAt)
            .text("lastActivityAt", ParticipantItem::getLastActivityAt, ParticipantItem::setLastActivityAt)
            .text("lastReadMessageId", ParticipantItem::getLastReadMessageId, ParticipantItem::setLastReadMessageId)
            .text("lastReadAt", ParticipantItem::getLastReadAt, ParticipantItem::setLastReadAt)
            .attribute(Long.class, "unread", ParticipantItem::getUnread, ParticipantItem::setUnread)
            .build();
}
