package app.domus.privacy.export;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A person's export of their data: pk {@code EXPORT#<exportId>}, sk {@code EXPORT}, gsi1 {@code USER#<userId>#EXPORTS} /
 * {@code <requestedAt>#<exportId>}. {@code requested} → {@code ready} (the ZIP's key, its files and their item counts,
 * when it expires: 7 days, as the bucket's lifecycle rule for {@code exports/}); TTL 30 days after the request.
 */
public class ExportJobItem extends TableItem {
    public static final String SK = "EXPORT";
    public static final String REQUESTED = "requested";
    public static final String READY = "ready";

    private String exportId;
    private String userId;
    private String status;
    private String requestedAt;
    private String completedAt;
    private String expiresAt;
    private String objectKey;
    private Map<String, Integer> files;

    public static String pk(String exportId) { return "EXPORT#" + exportId; }
    public static String byUser(String userId) { return "USER#" + userId + "#EXPORTS"; }

    public String getExportId() { return exportId; }
    public void setExportId(String exportId) { this.exportId = exportId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRequestedAt() { return requestedAt; }
    public void setRequestedAt(String requestedAt) { this.requestedAt = requestedAt; }
    public String getCompletedAt() { return completedAt; }
    public void setCompletedAt(String completedAt) { this.completedAt = completedAt; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String objectKey) { this.objectKey = objectKey; }
    public Map<String, Integer> getFiles() { return files; }
    public void setFiles(Map<String, Integer> files) { this.files = files; }

    public static final TableSchema<ExportJobItem> SCHEMA = ItemSchema.item(ExportJobItem.class, ExportJobItem::new)
            .text("exportId", ExportJobItem::getExportId, ExportJobItem::setExportId)
            .text("userId", ExportJobItem::getUserId, ExportJobItem::setUserId)
            .text("status", ExportJobItem::getStatus, ExportJobItem::setStatus)
            .text("requestedAt", ExportJobItem::getRequestedAt, ExportJobItem::setRequestedAt)
            .text("completedAt", ExportJobItem::getCompletedAt, ExportJobItem::setCompletedAt)
            .text("expiresAt", ExportJobItem::getExpiresAt, ExportJobItem::setExpiresAt)
            .text("objectKey", ExportJobItem::getObjectKey, ExportJobItem::setObjectKey)
            .attribute(EnhancedType.mapOf(String.class, Integer.class), "files", ExportJobItem::getFiles, ExportJobItem::setFiles)
            .build();
}
