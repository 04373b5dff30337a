package app.domus.listings.inquiries;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The inquiry requests' bodies. */
public final class InquiryRequests {
    public static final int MAX_VIEWING_TIMES = 5;

    private InquiryRequests() {}

    /** {@code POST /inquiries {listingId, message, preferredViewingTimes[]}}: times are ISO-8601 with an offset. */
    public record CreateInquiry(String listingId, String message, List<String> preferredViewingTimes) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("listingId", listingId, true);
            v.text("message", message, 1, 2000, true);
            if (preferredViewingTimes != null) {
                v.size("preferredViewingTimes", preferredViewingTimes, 0, MAX_VIEWING_TIMES);
                for (int i = 0; i < preferredViewingTimes.size(); i++) {
                    v.check(isDateTime(preferredViewingTimes.get(i)), "preferredViewingTimes." + i, "must be a date-time with an offset");
                }
            }
        }

        public List<String> viewingTimes() {
            return preferredViewingTimes == null ? List.of()
                    : preferredViewingTimes.stream().map(t -> OffsetDateTime.parse(t).toInstant().toString()).toList();
        }
    }

    /** {@code POST /inquiries/{inquiryId}/responses {message}}. */
    public record Respond(String message) implements Validated {
        @Override
        public void validate(Validator v) {
            v.text("message", message, 1, 2000, true);
        }
    }

    private static boolean isDateTime(String value) {
        if (value == null) return false;
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
