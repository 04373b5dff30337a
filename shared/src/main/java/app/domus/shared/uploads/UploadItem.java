package app.domus.shared.uploads;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A photo a person was allowed to send straight to S3 through a presigned URL ({@code POST /uploads}). pk
 * {@code UPLOAD#<id>}, sk {@code UPLOAD}. Status PENDING → USED when a fault report or a meter reading takes the photo
 * (in its own transaction, so one upload becomes one photo): {@code faultId} for a fault, {@code usedFor} (e.g.
 * {@code meter-reading:<readingId>}) for anything else. The TTL removes the record a day after its URL expired. In the
 * kernel because more than one context takes uploads; the faults context hands them out.
 */
public class UploadItem extends TableItem {
    public static final String SK = "UPLOAD";
    public static final String PENDING = "PENDING";
    public static final String USED = "USED";

    private String id;
    private String ownerId;
    private String objectKey;
    private String contentType;
    private Long sizeBytes;
    private String status;
    private String faultId;
    private String usedFor;
    private String createdAt;
    private String expiresAt;

    public static String pk(String id) { return "UPLOAD#" + id; }
    public static String objectKey(String ownerId, String uploadId) { return "uploads/" + ownerId + "/" + uploadId; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String objectKey) { this.objectKey = objectKey; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getUsedFor() { return usedFor; }
    public void setUsedFor(String usedFor) { this.usedFor = usedFor; }
    public String getFaultId() { return faultId; }
    public void setFaultId(String faultId) { this.faultId = faultId; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getExpiresAt() { return expiresAt; }
    public void setExpiresAt(String expiresAt) { this.expiresAt = expiresAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<UploadItem> SCHEMA = ItemSchema.item(UploadItem.class, UploadItem::new)
            .text("id", UploadItem::getId, UploadItem::setId)
            .text("ownerId", UploadItem::getOwnerId, UploadItem::setOwnerId)
            .text("objectKey", UploadItem::getObjectKey, UploadItem::setObjectKey)
            .text("contentType", UploadItem::getContentType, UploadItem::setContentType)
            .attribute(Long.class, "sizeBytes", UploadItem::getSizeBytes, UploadItem::setSizeBytes)
            .text("status", UploadItem::getStatus, UploadItem::setStatus)
            .text("faultId", UploadItem::getFaultId, UploadItem::setFaultId)
            .text("usedFor", UploadItem::getUsedFor, UploadItem::setUsedFor)
            .text("createdAt", UploadItem::getCreatedAt, UploadItem::setCreatedAt)
            .text("expiresAt", UploadItem::getExpiresAt, UploadItem::setExpiresAt)
            .build();
}
