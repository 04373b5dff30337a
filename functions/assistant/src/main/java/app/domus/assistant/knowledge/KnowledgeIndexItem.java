package app.domus.assistant.knowledge;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Where a building's current index is: pk {@code KNOWLEDGE#<buildingId>}, sk {@code INDEX}. Each rebuild writes a new S3
 * object ({@code indexKey} names its revision) and then moves this item to it at its version, so a reader never sees a
 * half-written index and two concurrent rebuilds cannot both win.
 */
public class KnowledgeIndexItem extends TableItem {
    public static final String SK = "INDEX";

    private String organisationId;
    private String buildingId;
    private Long revision;
    private String indexKey;
    private Long documents;
    private String builtAt;

    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public Long getRevision() { return revision; }
    public void setRevision(Long revision) { this.revision = revision; }
    public String getIndexKey() { return indexKey; }
    public void setIndexKey(String indexKey) { this.indexKey = indexKey; }
    public Long getDocuments() { return documents; }
    public void setDocuments(Long documents) { this.documents = documents; }
    public String getBuiltAt() { return builtAt; }
    public void setBuiltAt(String builtAt) { this.builtAt = builtAt; }

    public static final TableSchema<KnowledgeIndexItem> SCHEMA = ItemSchema.item(KnowledgeIndexItem.class, KnowledgeIndexItem::new)
            .text("organisationId", KnowledgeIndexItem::getOrganisationId, KnowledgeIndexItem::setOrganisationId)
            .text("buildingId", KnowledgeIndexItem::getBuildingId, KnowledgeIndexItem::setBuildingId)
            .attribute(Long.class, "revision", KnowledgeIndexItem::getRevision, KnowledgeIndexItem::setRevision)
            .text("indexKey", KnowledgeIndexItem::getIndexKey, KnowledgeIndexItem::setIndexKey)
            .attribute(Long.class, "documents", KnowledgeIndexItem::getDocuments, KnowledgeIndexItem::setDocuments)
            .text("builtAt", KnowledgeIndexItem::getBuiltAt, KnowledgeIndexItem::setBuiltAt)
            .build();
}
