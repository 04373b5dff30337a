package app.domus.messaging.messages;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A message: pk {@code CONVERSATION#<conversationId>}, sk {@code MESSAGE#<messageId>} (a ULID, so a conversation's
 * messages are in the order they were sent and page backwards from the newest). Its sender may edit it within
 * {@link MessageService#EDIT_WINDOW} of sending, and delete it: a deleted message keeps its place with its content and
 * attachments gone.
 */
public class MessageItem extends TableItem {
    public static final String SK_PREFIX = "MESSAGE#";

    private String id;
    private String conversationId;
    private String organisationId;
    private String senderId;
    private String content;
    private List<Attachment> attachments;
    private String sentAt;
    private String editedAt;
    private String deletedAt;

    public static String sk(String messageId) { return SK_PREFIX + messageId; }

    public boolean deleted() { return deletedAt != null; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getConversationId() { return conversationId; }
    public void setConversationId(String conversationId) { this.conversationId = conversationId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getSenderId() { return senderId; }
    public void setSenderId(String senderId) { this.senderId = senderId; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
    public List<Attachment> getAttachments() { return attachments; }
    public void setAttachments(List<Attachment> attachments) { this.attachments = attachments; }
    public String getSentAt() { return sentAt; }
    public void setSentAt(String sentAt) { this.sentAt = sentAt; }
    public String getEditedAt() { return editedAt; }
    public void setEditedAt(String editedAt) { this.editedAt = editedAt; }
    public String getDeletedAt() { return deletedAt; }
    public void setDeletedAt(String deletedAt) { this.deletedAt = deletedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<MessageItem> SCHEMA = ItemSchema.item(MessageItem.class, MessageItem::new)
            .text("id", MessageItem::getId, MessageItem::setId)
            .text("conversationId", MessageItem::getConversationId, MessageItem::setConversationId)
            .text("organisationId", MessageItem::getOrganisationId, MessageItem::setOrganisationId)
            .text("senderId", MessageItem::getSenderId, MessageItem::setSenderId)
            .text("content", MessageItem::getContent, MessageItem::setContent)
            .documents("attachments", Attachment.class, Attachment.SCHEMA, MessageItem::getAttachments, MessageItem::setAttachments)
            .text("sentAt", MessageItem::getSentAt, MessageItem::setSentAt)
            .text("editedAt", MessageItem::getEditedAt, MessageItem::setEditedAt)
            .text("deletedAt", MessageItem::getDeletedAt, MessageItem::setDeletedAt)
            .build();
}
