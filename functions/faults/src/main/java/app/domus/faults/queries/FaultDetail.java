package app.domus.faults.queries;

import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultView;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Locale;

/** One fault with its photos (short-lived download URLs) and its whole history. */
public record FaultDetail(@JsonUnwrapped FaultView fault, List<Photo> photos, List<Change> history) {

    public record Photo(String url, String contentType, String expiresAt) {}

    /** One history entry: who did what when; statuses in lower case. */
    public record Change(String at, String by, String action, String fromStatus, String toStatus, String assigneeId, String note) {
        static Change of(FaultHistoryItem h) {
            return new Change(h.getAt(), h.getBy(), h.getAction().toLowerCase(Locale.ROOT), lower(h.getFromStatus()),
                    lower(h.getToStatus()), h.getAssigneeId(), h.getNote());
        }

        private static String lower(String value) {
            return value == null ? null : value.toLowerCase(Locale.ROOT);
        }
    }
}
