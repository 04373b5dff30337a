package app.domus.faults.workflow;

import app.domus.faults.FaultEvents;
import app.domus.faults.FaultHistoryItem;
import app.domus.faults.FaultItem;
import app.domus.faults.FaultRoles;
import app.domus.faults.FaultStatus;
import app.domus.faults.FaultStore;
import app.domus.faults.Staff;
import app.domus.shared.events.NewEvent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns faults and moves them through their workflow, keeping every change in the history. A change applies
 * to the fault as the caller read it: with {@code If-Match} the version must be the stored one (412
 * otherwise); without, a concurrent change it has not seen still makes it fail (409).
 */
@Singleton
public class WorkflowService {
    private final FaultStore faults;
    private final Staff staff;
    private final Clock clock;

    @Inject
    public WorkflowService(FaultStore faults, Staff staff, Clock clock) {
        this.faults = faults;
        this.staff = staff;
        this.clock = clock;
    }

    public FaultItem change(String callerId, FaultItem fault, FaultRoles roles, Optional<Long> ifMatch, UpdateFaultRequest request) {
        if (ifMatch.isPresent() && !ifMatch.get().equals(fault.getVersion())) throw stale();
        String now = clock.instant().toString();
        List<FaultHistoryItem> entries = new ArrayList<>();
        if (request.assigneeId() != null && !roles.staff()) {
            throw ApiException.forbidden("Only the building's managers and the organisation's admins assign faults");
        }
        boolean reassigned = request.assigneeId() != null && !request.assigneeId().equals(fault.getAssigneeId());
        if (reassigned) entries.add(assign(callerId, fault, request, now));
        FaultStatus target = request.statusValue();
        if (target != null) entries.add(move(callerId, fault, roles, target, request, now));
        if (entries.isEmpty()) return fault;

        fault.index();
        List<NewEvent> events = new ArrayList<>();
        if (reassigned) events.add(FaultEvents.assigned(fault));
        if (target == FaultStatus.RESOLVED) events.add(FaultEvents.resolved(fault));
        if (!faults.update(fault, entries, events)) {
            if (ifMatch.isPresent()) throw stale();
            throw ApiException.conflict("The fault was changed by someone else at the same time; read it again and retry");
        }
        return fault;
    }

    private FaultHistoryItem assign(String callerId, FaultItem fault, UpdateFaultRequest request, String now) {
        if (!fault.statusValue().open()) {
            throw new ApiException(ProblemType.INVALID_STATE, "A " + fault.statusValue().wire() + " fault is not assigned any more");
        }
        if (!staff.isTechnicianOf(fault.getOrganisationId(), fault.getBuildingId(), request.assigneeId())) {
            throw ApiException.validation("assigneeId", "is not a technician of the fault's building");
        }
        fault.setAssigneeId(request.assigneeId());
        fault.setAssignedBy(callerId);
        fault.setAssignedAt(now);
        fault.setAssignments(fault.getAssignments() == null ? 1 : fault.getAssignments() + 1);
        return fault.record(now, callerId, FaultHistoryItem.ASSIGNED).assignee(request.assigneeId()).note(request.noteText());
    }

    private FaultHistoryItem move(String callerId, FaultItem fault, FaultRoles roles, FaultStatus target,
                                  UpdateFaultRequest request, String now) {
        FaultStatus from = fault.statusValue();
        if (!from.mayBecome(target)) {
            List<String> allowed = from.next().stream().map(FaultStatus::wire).toList();
            throw new ApiException(ProblemType.INVALID_STATE, "A " + from.wire() + " fault cannot become " + target.wire()
                    + (allowed.isEmpty() ? "; it is final" : "; it can become " + String.join(" or ", allowed)),
                    List.of(), null, Map.of("currentStatus", from.wire(), "allowed", allowed));
        }
        if (!roles.mayMoveTo(target)) {
            throw ApiException.forbidden(switch (target) {
                case CLOSED -> "Only the reporter and the building's managers may close a fault";
                case REOPENED -> "Only the reporter and the building's managers may reopen a fault";
                default -> "Only the fault's assignee and the building's managers may set it " + target.wire();
            });
        }
        fault.setStatus(target.name());
        String note = request.noteText();
        if (target == FaultStatus.RESOLVED) {
            fault.setResolution(request.resolution().strip());
            fault.setResolvedBy(callerId);
            fault.setResolvedAt(now);
            note = fault.getResolution();
        } else if (target == FaultStatus.REOPENED) {
            // The resolution did not hold; it stays in the history, not on the fault.
            fault.setResolution(null);
            fault.setResolvedBy(null);
            fault.setResolvedAt(null);
        }
        return fault.record(now, callerId, FaultHistoryItem.STATUS_CHANGED).status(from, target).note(note);
    }

    private static ApiException stale() {
        return new ApiException(ProblemType.PRECONDITION_FAILED, "The fault has changed since you read it; read it again");
    }
}
