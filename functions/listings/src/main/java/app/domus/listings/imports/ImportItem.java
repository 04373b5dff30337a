package app.domus.listings.imports;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An agency's CRM import (flow 21): pk {@code IMPORT#<id>}, sk {@code IMPORT}; gsi1 {@code AGENCY#<agencyId>} /
 * {@code IMPORT#<createdAt>#<id>}. The CRM's credentials are not here but in the Secrets Manager secret {@code secretName};
 * {@code fieldMapping} is the mapping's JSON as given. {@code activeRunId} names the run under way, so two do not overlap.
 */
public class ImportItem extends TableItem {
    public static final String SK = "IMPORT";

    private String id;
    private String agencyId;
    private String crmType;
    private String endpoint;
    private String secretName;
    private String fieldMapping;
    private Boolean publish;
    private String createdBy;
    private String createdAt;
    private String activeRunId;
    private String activeRunStartedAt;

    public static String pk(String id) { return "IMPORT#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getCrmType() { return crmType; }
    public void setCrmType(String crmType) { this.crmType = crmType; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getSecretName() { return secretName; }
    public void setSecretName(String secretName) { this.secretName = secretName; }
    public String getFieldMapping() { return fieldMapping; }
    public void setFieldMapping(String fieldMapping) { this.fieldMapping = fieldMapping; }
    public Boolean getPublish() { return publish; }
    public void setPublish(Boolean publish) { this.publish = publish; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getActiveRunId() { return activeRunId; }
    public void setActiveRunId(String activeRunId) { this.activeRunId = activeRunId; }
    public String getActiveRunStartedAt() { return activeRunStartedAt; }
    public void setActiveRunStartedAt(String activeRunStartedAt) { this.activeRunStartedAt = activeRunStartedAt; }

    public boolean publishes() { return Boolean.TRUE.equals(publish); }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ImportItem> SCHEMA = ItemSchema.item(ImportItem.class, ImportItem::new)
            .text("id", ImportItem::getId, ImportItem::setId)
            .text("agencyId", ImportItem::getAgencyId, ImportItem::setAgencyId)
            .text("crmType", ImportItem::getCrmType, ImportItem::setCrmType)
            .text("endpoint", ImportItem::getEndpoint, ImportItem::setEndpoint)
            .text("secretName", ImportItem::getSecretName, ImportItem::setSecretName)
            .text("fieldMapping", ImportItem::getFieldMapping, ImportItem::setFieldMapping)
            .attribute(Boolean.class, "publish", ImportItem::getPublish, ImportItem::setPublish)
            .text("createdBy", ImportItem::getCreatedBy, ImportItem::setCreatedBy)
            .text("createdAt", ImportItem::getCreatedAt, ImportItem::setCreatedAt)
            .text("activeRunId", ImportItem::getActiveRunId, ImportItem::setActiveRunId)
            .text("activeRunStartedAt", ImportItem::getActiveRunStartedAt, ImportItem::setActiveRunStartedAt)
            .build();
}
