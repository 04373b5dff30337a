package app.domus.local.partners;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Misbehaviour asked for through a double's test controls, for its next API calls, one fault per call, in the order
 * asked: a 5xx in the partner's error shape, a delay before the normal answer, or a 200 whose body the client cannot
 * read. A failing or malformed call does nothing in the partner's state, as when the partner fails before executing.
 */
public final class InjectedFaults {
    public enum Kind { ERROR, SLOW, MALFORMED }

    public record Fault(Kind kind, long delayMillis) {}

    private final Deque<Fault> pending = new ArrayDeque<>();
    private volatile String service;
    private volatile app.domus.local.faults.FaultInjector standing;

    /**
     * Also applies the fault switch's standing rule for {@code service} (the double's name) to calls that have no
     * pending fault: an error or "unavailable" as {@link Kind#ERROR}, a latency as {@link Kind#SLOW}.
     */
    public void attach(String service, app.domus.local.faults.FaultInjector standing) {
        standing.registerPartner(service);
        this.service = service;
        this.standing = standing;
    }

    public synchronized void add(Kind kind, int count, long delayMillis) {
        if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        if (kind == Kind.SLOW && delayMillis < 1) throw new IllegalArgumentException("a slow call needs delayMillis");
        for (int i = 0; i < count; i++) pending.add(new Fault(kind, delayMillis));
    }

    /** {@code POST /_double/faults?kind=error|slow|malformed&count=N&delayMillis=M}, the same for every double. */
    public List<Fault> add(Map<String, String> query) {
        String kind = query.get("kind");
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("Missing query parameter kind");
        add(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), Integer.parseInt(query.getOrDefault("count", "1")),
                Long.parseLong(query.getOrDefault("delayMillis", "0")));
        return pending();
    }

    /** Waits out a {@link Kind#SLOW} fault's delay. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while slowing down an API call", e);
        }
    }

    /** The fault for this call, if one is pending. */
    public Fault next() {
        Fault fault;
        synchronized (this) {
            fault = pending.poll();
        }
        if (fault != null || standing == null) return fault;
        return standing.decide(service, null).map(decided -> decided.kind().fails()
                ? new Fault(Kind.ERROR, decided.latencyMs()) : new Fault(Kind.SLOW, decided.latencyMs())).orElse(null);
    }

    public synchronized List<Fault> pending() {
        return List.copyOf(pending);
    }

    public synchronized void clear() {
        pending.clear();
    }
}
