package app.domus.listings.inquiries;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** A realtor's answer to an inquiry: pk {@code INQUIRY#<inquiryId>}, sk {@code RESPONSE#<respondedAt>#<id>} (in order). */
public class InquiryResponseItem extends TableItem {
    public static final String SK_PREFIX = "RESPONSE#";

    private String id;
    private String responderId;
    private String message;
    private String respondedAt;

    public static String sk(String respondedAt, String id) { return SK_PREFIX + respondedAt + "#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getResponderId() { return responderId; }
    public void setResponderId(String responderId) { this.responderId = responderId; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getRespondedAt() { return respondedAt; }
    public void setRespondedAt(String respondedAt) { this.respondedAt = respondedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InquiryResponseItem> SCHEMA = ItemSchema.item(InquiryResponseItem.class, InquiryResponseItem::new)
            .text("id", InquiryResponseItem::getId, InquiryResponseItem::setId)
            .text("responderId", InquiryResponseItem::getResponderId, InquiryResponseItem::setResponderId)
            .text("message", InquiryResponseItem::getMessage, InquiryResponseItem::setMessage)
            .text("respondedAt", InquiryResponseItem::getRespondedAt, InquiryResponseItem::setRespondedAt)
            .build();
}
