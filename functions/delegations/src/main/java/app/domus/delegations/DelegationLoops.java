package app.domus.delegations;

import app.domus.shared.directory.DelegationItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a delegation that would close a loop: owner A delegating to B while B already delegates to A for
 * the same unit, directly or through others (B→A, B→C→A, ...). Only owners delegate, and only their own
 * rights, but co-owners of one unit can still delegate to each other. A loop grants nobody anything they
 * lack and leaves "on whose behalf" circular, so the first delegation stands and the closing one is refused.
 *
 * <p>The walk is per unit because a delegation carries an owner's rights for one unit only: rights for
 * different units never combine, so A→B for one flat and B→A for another are two independent hand-overs
 * (neighbours covering for each other), not a loop. Pending delegations count as well as accepted ones, since
 * a pending one becomes accepted without the other side being asked again; declined, revoked and expired
 * ones can never grant anything and are ignored.
 */
@Singleton
public class DelegationLoops {
    private final DelegationQueries queries;

    @Inject
    public DelegationLoops(DelegationQueries queries) {
        this.queries = queries;
    }

    /**
     * Throws 409 if a delegation from {@code ownerId} to {@code delegateId} for the unit would close a loop.
     * {@code ignoringId} leaves out the delegation being accepted, which is that very edge.
     */
    public void refuseLoop(String unitId, String ownerId, String delegateId, String ignoringId, Instant now) {
        List<String> path = pathBack(unitId, delegateId, ownerId, ignoringId, now);
        if (path.isEmpty()) return;
        throw new ApiException(ProblemType.CONFLICT, "This would close a loop of delegations for this unit: the person "
                + "you delegate to already passes rights for it back to you, directly or through others. Revoke one "
                + "of those delegations first.", List.of(), null, Map.of("loop", path));
    }

    /** The people from {@code from} to {@code to} along live delegations for the unit (breadth first), or empty. */
    private List<String> pathBack(String unitId, String from, String to, String ignoringId, Instant now) {
        Map<String, String> reachedFrom = new HashMap<>();
        reachedFrom.put(from, null);
        Deque<String> frontier = new ArrayDeque<>(List.of(from));
        while (!frontier.isEmpty()) {
            String person = frontier.removeFirst();
            for (DelegationItem d : queries.givenFor(person, unitId)) {
                if (d.getId().equals(ignoringId) || !DelegationQueries.live(d, now)) continue;
                String next = queries.delegateOf(d);
                if (next == null || reachedFrom.containsKey(next)) continue;
                reachedFrom.put(next, person);
                if (next.equals(to)) return trace(reachedFrom, to);
                frontier.addLast(next);
            }
        }
        return List.of();
    }

    private static List<String> trace(Map<String, String> reachedFrom, String end) {
        List<String> path = new ArrayList<>();
        for (String at = end; at != null; at = reachedFrom.get(at)) path.add(at);
        Collections.reverse(path);
        return path;
    }
}
