package app.domus.listings.imports;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Which listing a CRM property became: pk {@code IMPORT#<importId>}, sk {@code CRM#<crmId>}, with the hash of what was
 * imported, so a run that finds the same content again changes nothing. Put in the listing's creating transaction (at
 * no version: a second copy of the listing cannot be created).
 */
public class ImportedPropertyItem extends TableItem {
    private String importId;
    private String crmId;
    private String listingId;
    private String contentHash;
    private String importedAt;
    private String runId;

    public static String sk(String crmId) { return "CRM#" + crmId; }

    public String getImportId() { return importId; }
    public void setImportId(String importId) { this.importId = importId; }
    public String getCrmId() { return crmId; }
    public void setCrmId(String crmId) { this.crmId = crmId; }
    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
    public String getImportedAt() { return importedAt; }
    public void setImportedAt(String importedAt) { this.importedAt = importedAt; }
    public String getRunId() { return runId; }
    public void setRunId(String runId) { this.runId = runId; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ImportedPropertyItem> SCHEMA = ItemSchema.item(ImportedPropertyItem.class, ImportedPropertyItem::new)
            .text("importId", ImportedPropertyItem::getImportId, ImportedPropertyItem::setImportId)
            .text("crmId", ImportedPropertyItem::getCrmId, ImportedPropertyItem::setCrmId)
            .text("listingId", ImportedPropertyItem::getListingId, ImportedPropertyItem::setListingId)
            .text("contentHash", ImportedPropertyItem::getContentHash, ImportedPropertyItem::setContentHash)
            .text("importedAt", ImportedPropertyItem::getImportedAt, ImportedPropertyItem::setImportedAt)
            .text("runId", ImportedPropertyItem::getRunId, ImportedPropertyItem::setRunId)
            .build();
}
