package app.domus.messaging.conversations;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A conversation: pk {@code CONVERSATION#<id>}, sk {@code CONVERSATION}. Its participants (at most
 * {@link ConversationService#MAX_PARTICIPANTS}) are items of their own under the same pk ({@link ParticipantItem});
 * {@code participantIds} repeats them for delivery. {@code kind} is DIRECT (two people, no title), GROUP or FAULT
 * (one per fault, whose id it takes: its reporter, assignees and the building's managers). The last message's id,
 * time, sender and a preview are updated in the transaction that stores each message.
 */
public class ConversationItem extends TableItem {
    public static final String SK = "CONVERSATION";
    public static final String DIRECT = "DIRECT";
    public static final String GROUP = "GROUP";
    public static final String FAULT = "FAULT";

    private String id;
    private String organisationId;
    private String kind;
    private String title;
    private String faultId;
    private String buildingId;
    private List<String> participantIds;
    private String createdBy;
    private String createdAt;
    private String lastMessageId;
    private String lastMessageAt;
    private String lastSenderId;
    private String lastMessagePreview;
    private Long messageCount;

    public static String pk(String id) { return "CONVERSATION#" + id; }
    /** The conversation's live topic (members only), which the WebSocket API's typing indicator relays on. */
    public static String topic(String id) { return "conversation:" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getFaultId() { return faultId; }
    public void setFaultId(String faultId) { this.faultId = faultId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public List<String> getParticipantIds() { return participantIds; }
    public void setParticipantIds(List<String> participantIds) { this.participantIds = participantIds; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getLastMessageId() { return lastMessageId; }
    public void setLastMessageId(String lastMessageId) { this.lastMessageId = lastMessageId; }
    public String getLastMessageAt() { return lastMessageAt; }
    public void setLastMessageAt(String lastMessageAt) { this.lastMessageAt = lastMessageAt; }
    public String getLastSenderId() { return lastSenderId; }
    public void setLastSenderId(String lastSenderId) { this.lastSenderId = lastSenderId; }
    public String getLastMessagePreview() { return lastMessagePreview; }
    public void setLastMessagePreview(String lastMessagePreview) { this.lastMessagePreview = lastMessagePreview; }
    public Long getMessageCount() { return messageCount; }
    public void setMessageCount(Long messageCount) { this.messageCount = messageCount; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ConversationItem> SCHEMA = ItemSchema.item(ConversationItem.class, ConversationItem::new)
            .text("id", ConversationItem::getId, ConversationItem::setId)
            .text("organisationId", ConversationItem::getOrganisationId, ConversationItem::setOrganisationId)
            .text("kind", ConversationItem::getKind, ConversationItem::setKind)
            .text("title", ConversationItem::getTitle, ConversationItem::setTitle)
            .text("faultId", ConversationItem::getFaultId, ConversationItem::setFaultId)
            .text("buildingId", ConversationItem::getBuildingId, ConversationItem::setBuildingId)
            .textList("participantIds", ConversationItem::getParticipantIds, ConversationItem::setParticipantIds)
            .text("createdBy", ConversationItem::getCreatedBy, ConversationItem::setCreatedBy)
            .text("createdAt", ConversationItem::getCreatedAt, ConversationItem::setCreatedAt)
            .text("lastMessageId", ConversationItem::getLastMessageId, ConversationItem::setLastMessageId)
            .text("lastMessageAt", ConversationItem::getLastMessageAt, ConversationItem::setLastMessageAt)
            .text("lastSenderId", ConversationItem::getLastSenderId, ConversationItem::setLastSenderId)
            .text("lastMessagePreview", ConversationItem::getLastMessagePreview, ConversationItem::setLastMessagePreview)
            .attribute(Long.class, "messageCount", ConversationItem::getMessageCount, ConversationItem::setMessageCount)
            .build();
}
