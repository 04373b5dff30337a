package app.domus.assistant.knowledge;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A document a manager uploaded to a building's knowledge: pk {@code KNOWLEDGE#<buildingId>}, sk {@code DOC#<documentId>}.
 * Its extracted text is in S3 ({@code textKey}); the item says what it is and who uploaded it.
 */
public class KnowledgeDocumentItem extends TableItem {
    private String documentId;
    private String organisationId;
    private String buildingId;
    private String title;
    private String mediaType;
    private Long bytes;
    private Long characters;
    private String textKey;
    private String uploadedBy;
    private String uploadedAt;

    public static String pk(String buildingId) { return "KNOWLEDGE#" + buildingId; }
    public static final String SK_PREFIX = "DOC#";

    public String getDocumentId() { return documentId; }
    public void setDocumentId(String documentId) { this.documentId = documentId; }
    public String getOrganisationId() { return organisationId; }
    public void setOrganisationId(String organisationId) { this.organisationId = organisationId; }
    public String getBuildingId() { return buildingId; }
    public void setBuildingId(String buildingId) { this.buildingId = buildingId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getMediaType() { return mediaType; }
    public void setMediaType(String mediaType) { this.mediaType = mediaType; }
    public Long getBytes() { return bytes; }
    public void setBytes(Long bytes) { this.bytes = bytes; }
    public Long getCharacters() { return characters; }
    public void setCharacters(Long characters) { this.characters = characters; }
    public String getTextKey() { return textKey; }
    public void setTextKey(String textKey) { this.textKey = textKey; }
    public String getUploadedBy() { return uploadedBy; }
    public void setUploadedBy(String uploadedBy) { this.uploadedBy = uploadedBy; }
    public String getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(String uploadedAt) { this.uploadedAt = uploadedAt; }

    public static final TableSchema<KnowledgeDocumentItem> SCHEMA = ItemSchema.item(KnowledgeDocumentItem.class, KnowledgeDocumentItem::new)
            .text("documentId", KnowledgeDocumentItem::getDocumentId, KnowledgeDocumentItem::setDocumentId)
            .text("organisationId", KnowledgeDocumentItem::getOrganisationId, KnowledgeDocumentItem::setOrganisationId)
            .text("buildingId", KnowledgeDocumentItem::getBuildingId, KnowledgeDocumentItem::setBuildingId)
            .text("title", KnowledgeDocumentItem::getTitle, KnowledgeDocumentItem::setTitle)
            .text("mediaType", KnowledgeDocumentItem::getMediaType, KnowledgeDocumentItem::setMediaType)
            .attribute(Long.class, "bytes", KnowledgeDocumentItem::getBytes, KnowledgeDocumentItem::setBytes)
            .attribute(Long.class, "characters", KnowledgeDocumentItem::getCharacters, KnowledgeDocumentItem::setCharacters)
            .text("textKey", KnowledgeDocumentItem::getTextKey, KnowledgeDocumentItem::setTextKey)
            .text("uploadedBy", KnowledgeDocumentItem::getUploadedBy, KnowledgeDocumentItem::setUploadedBy)
            .text("uploadedAt", KnowledgeDocumentItem::getUploadedAt, KnowledgeDocumentItem::setUploadedAt)
            .build();
}
