package app.domus.local.partners.stripe;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Misbehaviour asked for through the test controls, for the next API calls, one fault per call, in the order asked:
 * a 500 {@code api_error}, a delay before the normal answer, or a 200 whose body is not JSON. A failing or malformed
 * call does nothing in the account, as when Stripe fails before executing.
 */
final class InjectedFaults {
    enum Kind { ERROR, SLOW, MALFORMED }

    record Fault(Kind kind, long delayMillis) {}

    private final Deque<Fault> pending = new ArrayDeque<>();

    synchronized void add(Kind kind, int count, long delayMillis) {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        if (kind == Kind.SLOW && delayMillis < 1) throw new IllegalArgumentException("a slow call needs delayMillis");
        for (int i = 0; i < count; i++) pending.add(new Fault(kind, delayMillis));
    }

    /** The fault for this call, if one is pending. */
    synchronized Fault next() {
        return pending.poll();
    }

    synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    synchronized void clear() {
        pending.clear();
    }
}
