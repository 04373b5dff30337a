package app.domus.listings.inquiries;

import java.util.List;

/** The inquiry events' payloads: what the notifier's consumer needs to write to the other side without a read. */
public final class InquiryEvents {
    public static final String SENT = "InquirySent";
    public static final String RESPONDED = "InquiryResponded";

    private InquiryEvents() {}

    /** {@code InquirySent}: to the listing's realtor. */
    public record Sent(String inquiryId, String listingId, String agencyId, String realtorId, String inquirerId, String place,
                       String message, List<String> preferredViewingTimes, String sentAt) {}

    /** {@code InquiryResponded}: to the inquirer. */
    public record Responded(String inquiryId, String responseId, String listingId, String agencyId, String responderId,
                            String inquirerId, String place, String message, String respondedAt) {}
}
