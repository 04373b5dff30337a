package app.domus.faults.workflow;

import app.domus.faults.FaultStatus;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.Locale;

/**
 * Body of {@code PATCH /faults/{faultId}}: assign it, move it along its workflow, or both. Resolving needs a
 * {@code resolution}; {@code note} goes into the history with the change.
 */
public record UpdateFaultRequest(String assigneeId, String status, String resolution, String note) implements Validated {
    @Override
    public void validate(Validator v) {
        v.check(assigneeId != null || status != null, "body", "must change assigneeId or status");
        v.id("assigneeId", assigneeId, false);
        FaultStatus target = v.oneOf("status", status, FaultStatus.class, false);
        if (target == FaultStatus.RESOLVED) {
            v.text("resolution", resolution, 3, 2000, true);
        } else {
            v.check(resolution == null, "resolution", "is only given when resolving (status resolved)");
        }
        v.text("note", note, 1, 1000, false);
    }

    FaultStatus statusValue() {
        return status == null ? null : FaultStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    String noteText() {
        return note == null ? null : note.strip();
    }
}
