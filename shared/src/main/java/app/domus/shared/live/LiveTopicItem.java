package app.domus.shared.live;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Something clients may follow live, registered by the context that sends on it (a vote registers
 * {@code vote:<voteId>}) in the transaction that creates what it is about: pk {@code TOPIC#<name>}, sk
 * {@code TOPIC}. It names the building whose readers may follow it, so the WebSocket API can authorise a
 * subscription without knowing what the topic is about. A topic with {@code memberIds} (a conversation's
 * {@code conversation:<id>}) is followed only by those users, whoever reads the building; its owner keeps the list
 * current in the transactions that change who is in. Updates on it go through {@link LiveUpdates}.
 */
public class LiveTopicItem extends TableItem {
    public static final String SK = "TOPIC";

    private String name;
    private String organisationId;
    private String buildingId;
    private String createdAt;
    private java.util.List<String> memberIds;

    public static String pk(String name) { return "TOPIC#" + name; }

    /** A new topic, ready to be written (alone or in the transaction that creates what it is about). */
    public static LiveTopicItem of(String name, String organisationId, String buildingId, String now) {
        LiveTopicItem topic = new LiveTopicItem();
        topic.setPk(pk(name));
        topic.setSk(SK);
        topic.setName(name);
        topic.setOrganisationId(organisationId);
        topic.setBuildingId(buildingId);
        topic.setCreatedAt(now);
        return topic;
    }

    /** Whether the user may follow the topic, for a topic with members; null for one open to the building's readers. */
    public Boolean admits(String userId) {
        return memberIds == null ? null : memberIds.contains(userId);
    }

    public java.util.List<String> getMemberIds() { return memberIds; }
    public void setMemberIds(java.util.List<String> memberIds) { this.memberIds = memberIds; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<LiveTopicItem> SCHEMA = ItemSchema.item(LiveTopicItem.class, LiveTopicItem::new)
            .text("name", LiveTopicItem::getName, LiveTopicItem::setName)
            .text("organisationId", LiveTopicItem::getOrganisationId, LiveTopicItem::setOrganisationId)
            .text("buildingId", LiveTopicItem::getBuildingId, LiveTopicItem::setBuildingId)
            .text("createdAt", LiveTopicItem::getCreatedAt, LiveTopicItem::setCreatedAt)
            .textList("memberIds", LiveTopicItem::getMemberIds, LiveTopicItem::setMemberIds)
            .build();
}
