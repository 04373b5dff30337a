package app.domus.listings.inquiries;

import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A portal user's inquiry about a published listing: pk {@code INQUIRY#<id>}, sk {@code INQUIRY}; gsi1
 * {@code AGENCY#<agencyId>} / {@code INQUIRY#<createdAt>#<id>} (the agency's inquiries), gsi2
 * {@code USER#<inquirerId>#INQUIRIES} / {@code <createdAt>} (the person's). Status {@code sent} → {@code responded}.
 */
public class InquiryItem extends TableItem {
    public static final String SK = "INQUIRY";
    public static final String SENT = "sent";
    public static final String RESPONDED = "responded";

    private String id;
    private String listingId;
    private String agencyId;
    private String realtorId;
    private String inquirerId;
    private String message;
    private List<String> preferredViewingTimes;
    private String status;
    private String createdAt;
    private String respondedAt;
    /** When the inquirer's text was erased, their account having been deleted ({@code InquiryErasure}); absent before. */
    private String erasedAt;

    public static String pk(String id) { return "INQUIRY#" + id; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getRealtorId() { return realtorId; }
    public void setRealtorId(String realtorId) { this.realtorId = realtorId; }
    public String getInquirerId() { return inquirerId; }
    public void setInquirerId(String inquirerId) { this.inquirerId = inquirerId; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public List<String> getPreferredViewingTimes() { return preferredViewingTimes; }
    public void setPreferredViewingTimes(List<String> preferredViewingTimes) { this.preferredViewingTimes = preferredViewingTimes; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getRespondedAt() { return respondedAt; }
    public void setRespondedAt(String respondedAt) { this.respondedAt = respondedAt; }
    public String getErasedAt() { return erasedAt; }
    public void setErasedAt(String erasedAt) { this.erasedAt = erasedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InquiryItem> SCHEMA = ItemSchema.item(InquiryItem.class, InquiryItem::new)
            .text("id", InquiryItem::getId, InquiryItem::setId)
            .text("listingId", InquiryItem::getListingId, InquiryItem::setListingId)
            .text("agencyId", InquiryItem::getAgencyId, InquiryItem::setAgencyId)
            .text("realtorId", InquiryItem::getRealtorId, InquiryItem::setRealtorId)
            .text("inquirerId", InquiryItem::getInquirerId, InquiryItem::setInquirerId)
            .text("message", InquiryItem::getMessage, InquiryItem::setMessage)
            .textList("preferredViewingTimes", InquiryItem::getPreferredViewingTimes, InquiryItem::setPreferredViewingTimes)
            .text("status", InquiryItem::getStatus, InquiryItem::setStatus)
            .text("createdAt", InquiryItem::getCreatedAt, InquiryItem::setCreatedAt)
            .text("respondedAt", InquiryItem::getRespondedAt, InquiryItem::setRespondedAt)
            .text("erasedAt", InquiryItem::getErasedAt, InquiryItem::setErasedAt)
            .build();
}
