package app.domus.messaging.messages;

import app.domus.shared.persistence.ItemSchema;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A photo attached to a message, as stored inside it (a map): the upload it came from, its format as recognised from
 * its bytes, its size, and its key in the photos bucket ({@code messages/<conversationId>/<messageId>/<n>.<ext>}).
 */
public class Attachment {
    private String uploadId;
    private String contentType;
    private Long sizeBytes;
    private String objectKey;

    public String getUploadId() { return uploadId; }
    public void setUploadId(String uploadId) { this.uploadId = uploadId; }
    public String getContentType() { return contentType; }
    public void setContentType(String contentType) { this.contentType = contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
    public String getObjectKey() { return objectKey; }
    public void setObjectKey(String objectKey) { this.objectKey = objectKey; }

    public static final TableSchema<Attachment> SCHEMA = ItemSchema.document(Attachment.class, Attachment::new)
            .text("uploadId", Attachment::getUploadId, Attachment::setUploadId)
            .text("contentType", Attachment::getContentType, Attachment::setContentType)
            .attribute(Long.class, "sizeBytes", Attachment::getSizeBytes, Attachment::setSizeBytes)
            .text("objectKey", Attachment::getObjectKey, Attachment::setObjectKey)
            .build();
}
