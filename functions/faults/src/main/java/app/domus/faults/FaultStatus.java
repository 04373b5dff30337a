package app.domus.faults;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a fault is in its workflow: New → In progress → Resolved → Closed, with Escalated (to the manager)
 * on the way and Reopened when a resolution did not hold. Closed is final.
 */
public enum FaultStatus {
    NEW,
    IN_PROGRESS,
    ESCALATED,
    RESOLVED,
    REOPENED,
    CLOSED;

    private static final Map<FaultStatus, List<FaultStatus>> NEXT = Map.of(
            NEW, List.of(IN_PROGRESS, ESCALATED),
            IN_PROGRESS, List.of(RESOLVED, ESCALATED),
            ESCALATED, List.of(IN_PROGRESS, RESOLVED),
            REOPENED, List.of(IN_PROGRESS, ESCALATED, RESOLVED),
            RESOLVED, List.of(CLOSED, REOPENED),
            CLOSED, List.of());

    /** Statuses in which a fault still needs work: they count towards a technician's load. */
    public static final Set<FaultStatus> OPEN = EnumSet.of(NEW, IN_PROGRESS, ESCALATED, REOPENED);

    public List<FaultStatus> next() {
        return NEXT.get(this);
    }

    public boolean mayBecome(FaultStatus target) {
        return next().contains(target);
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
