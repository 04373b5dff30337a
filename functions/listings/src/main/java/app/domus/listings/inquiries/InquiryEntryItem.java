package app.domus.listings.inquiries;

import app.domus.listings.listings.ListingItem;
import app.domus.shared.persistence.ItemSchema;
import app.domus.shared.persistence.TableItem;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An inquiry as its listing and its realtor list it: pk {@code LISTING#<listingId>}, sk {@code INQUIRY#<createdAt>#<id>}
 * (a listing's inquiries, newest last); gsi1 {@code REALTOR#<realtorId>#INQUIRIES} / {@code <createdAt>#<id>} (those on
 * a realtor's listings). Put in the inquiry's transaction and updated in its answer's, so its status is the inquiry's.
 */
public class InquiryEntryItem extends TableItem {
    public static final String SK_PREFIX = "INQUIRY#";

    private String inquiryId;
    private String listingId;
    private String agencyId;
    private String inquirerId;
    private String message;
    private String status;
    private String createdAt;
    private String respondedAt;
    /** When the inquirer's text was erased, their account having been deleted ({@code InquiryErasure}); absent before. */
    private String erasedAt;

    public static String sk(String createdAt, String inquiryId) { return SK_PREFIX + createdAt + "#" + inquiryId; }
    public static String byRealtor(String realtorId) { return "REALTOR#" + realtorId + "#INQUIRIES"; }

    static InquiryEntryItem of(InquiryItem inquiry) {
        InquiryEntryItem entry = new InquiryEntryItem();
        entry.setPk(ListingItem.pk(inquiry.getListingId()));
        entry.setSk(sk(inquiry.getCreatedAt(), inquiry.getId()));
        entry.setGsi1pk(byRealtor(inquiry.getRealtorId()));
        entry.setGsi1sk(inquiry.getCreatedAt() + "#" + inquiry.getId());
        entry.setInquiryId(inquiry.getId());
        entry.setListingId(inquiry.getListingId());
        entry.setAgencyId(inquiry.getAgencyId());
        entry.setInquirerId(inquiry.getInquirerId());
        entry.setMessage(inquiry.getMessage());
        entry.setStatus(inquiry.getStatus());
        entry.setCreatedAt(inquiry.getCreatedAt());
        return entry;
    }

    public String getInquiryId() { return inquiryId; }
    public void setInquiryId(String inquiryId) { this.inquiryId = inquiryId; }
    public String getListingId() { return listingId; }
    public void setListingId(String listingId) { this.listingId = listingId; }
    public String getAgencyId() { return agencyId; }
    public void setAgencyId(String agencyId) { this.agencyId = agencyId; }
    public String getInquirerId() { return inquirerId; }
    public void setInquirerId(String inquirerId) { this.inquirerId = inquirerId; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getRespondedAt() { return respondedAt; }
    public void setRespondedAt(String respondedAt) { this.respondedAt = respondedAt; }
    public String getErasedAt() { return erasedAt; }
    public void setErasedAt(String erasedAt) { this.erasedAt = erasedAt; }

    /** How it is stored: see {@link ItemSchema}. */
    public static final TableSchema<InquiryEntryItem> SCHEMA = ItemSchema.item(InquiryEntryItem.class, InquiryEntryItem::new)
            .text("inquiryId", InquiryEntryItem::getInquiryId, InquiryEntryItem::setInquiryId)
            .text("listingId", InquiryEntryItem::getListingId, InquiryEntryItem::setListingId)
            .text("agencyId", InquiryEntryItem::getAgencyId, InquiryEntryItem::setAgencyId)
            .text("inquirerId", InquiryEntryItem::getInquirerId, InquiryEntryItem::setInquirerId)
            .text("message", InquiryEntryItem::getMessage, InquiryEntryItem::setMessage)
            .text("status", InquiryEntryItem::getStatus, InquiryEntryItem::setStatus)
            .text("createdAt", InquiryEntryItem::getCreatedAt, InquiryEntryItem::setCreatedAt)
            .text("respondedAt", InquiryEntryItem::getRespondedAt, InquiryEntryItem::setRespondedAt)
            .text("erasedAt", InquiryEntryItem::getErasedAt, InquiryEntryItem::setErasedAt)
            .build();
}
