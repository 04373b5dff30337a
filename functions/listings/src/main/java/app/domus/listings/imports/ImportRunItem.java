package app.domus.listings.imports;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * One run of an import: pk {@code IMPORT#<importId>}, sk {@code RUN#<runId>}. Status {@code running} → {@code completed}
 * or {@code failed}. The counts grow page by page, each page's in one transaction with its {@code ImportProgress} and
 * {@code pagesDone} (at the item's version), so a page retried is not counted twice; {@code cursor} is where the next
 * page starts, kept so that a page whose next message was lost can send it again.
 */
public class ImportRunItem extends TableItem {
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private String id;
    private String importId;
    private String agencyId;
    private String status;
    private Integer pagesDone;
    private String cursor;
    private Integer created;
    private Integer updated;
    private Integer unchanged;
    private Integer failed;
    private String startedBy;
    private String startedAt;
    private String finishedAt;
    private String lastError;

    public static String sk(String runId) { return "RUN#" + runId; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getImportId() { return importId; }
    public void setImportId(String importId) { this.importId = importId; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Integer getPagesDone() { return pagesDone; }
    public void setPagesDone(Integer pagesDone) { this.pagesDone = pagesDone; }
    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
    public Integer getCreated() { return created; }
    public void setCreated(Integer created) { this.created = created; }
    public Integer getUpdated() { return updated; }
    public void setUpdated(Integer updated) { this.updated = updated; }
    public Integer getUnchanged() { return unchanged; }
    public void setUnchanged(Integer unchanged) { this.unchanged = unchanged; }
    public Integer getFailed() { return failed; }
    public void setFailed(Integer failed) { this.failed = failed; }
    public String getStartedBy() { return startedBy; }
    public void setStartedBy(String startedBy) { this.startedBy = startedBy; }
    public String getStartedAt() { return startedAt; }
    public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
    public String getFinishedAt() { return finishedAt; }
    public void setFinishedAt(String finishedAt) { this.finishedAt = finishedAt; }
    public String getLastError() { return lastError; }
    public void setLastError(String lastError) { this.lastError = lastError; }

    public ImportEvents.Counts counts() {
        return new ImportEvents.Counts(n(created), n(updated), n(unchanged), n(failed));
    }

    public void add(ImportEvents.Counts page) {
        created = n(created) + page.created();
        updated = n(updated) + page.updated();
        unchanged = n(unchanged) + page.unchanged();
        failed = n(failed) + page.failed();
    }

    private static int n(Integer value) { return value == null ? 0 : value; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<ImportRunItem> SCHEMA = ItemSchema.item(ImportRunItem.class, ImportRunItem::new)
            .text("id", ImportRunItem::getId, ImportRunItem::setId)
            .text("importId", ImportRunItem::getImportId, ImportRunItem::setImportId)
            .text("agencyId", ImportRunItem::getAgencyId, ImportRunItem::setAgencyId)
            .text("status", ImportRunItem::getStatus, ImportRunItem::setStatus)
            .attribute(Integer.class, "pagesDone", ImportRunItem::getPagesDone, ImportRunItem::setPagesDone)
            .text("cursor", ImportRunItem::getCursor, ImportRunItem::setCursor)
            .attribute(Integer.class, "created", ImportRunItem::getCreated, ImportRunItem::setCreated)
            .attribute(Integer.class, "updated", ImportRunItem::getUpdated, ImportRunItem::setUpdated)
            .attribute(Integer.class, "unchanged", ImportRunItem::getUnchanged, ImportRunItem::setUnchanged)
            .attribute(Integer.class, "failed", ImportRunItem::getFailed, ImportRunItem::setFailed)
            .text("startedBy", ImportRunItem::getStartedBy, ImportRunItem::setStartedBy)
            .text("startedAt", ImportRunItem::getStartedAt, ImportRunItem::setStartedAt)
            .text("finishedAt", ImportRunItem::getFinishedAt, ImportRunItem::setFinishedAt)
            .text("lastError", ImportRunItem::getLastError, ImportRunItem::setLastError)
            .build();
}
