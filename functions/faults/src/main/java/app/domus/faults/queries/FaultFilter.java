package app.domus.faults.queries;

import app.domus.faults.FaultStatus;
import app.domus.shared.http.HttpRequest;
import app.domus.shared.validation.Validator;
import java.util.Locale;

/** The filters of {@code GET /faults}, each optional: a building, a status, an assignee. */
public record FaultFilter(String buildingId, FaultStatus status, String assigneeId) {
    public static FaultFilter of(HttpRequest request) {
        String buildingId = request.query("buildingId").orElse(null);
        String status = request.query("status").orElse(null);
        String assigneeId = request.query("assigneeId").orElse(null);
        Validator v = new Validator();
        v.id("buildingId", buildingId, false);
        v.oneOf("status", status, FaultStatus.class, false);
        v.id("assigneeId", assigneeId, false);
        v.throwIfInvalid();
        return new FaultFilter(buildingId, status == null ? null : FaultStatus.valueOf(status.toUpperCase(Locale.ROOT)), assigneeId);
    }

    /** The sort-key prefix that selects the status in both fault indexes. */
    String statusPrefix() {
        return status == null ? null : status.name() + "#";
    }
}
