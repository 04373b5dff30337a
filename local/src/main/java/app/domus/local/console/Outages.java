package app.domus.local.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Outages of the local cloud's own services, switched on and off from the console ({@code POST /_local/outages/sns})
 * so that tests and people can see what the platform does when a dependency is down: while one is on, that service
 * answers every call with a 500, as AWS does when it has an internal error. An outage ends when switched off, or by
 * itself after the duration it was given.
 */
public final class Outages {
    /** The services that can be taken down. */
    public static final Set<String> SERVICES = Set.of("sns");

    private final Map<String, Instant> activeUntil = new ConcurrentHashMap<>();

    public void start(String service, Duration duration) {
        require(service);
        activeUntil.put(service, duration == null ? Instant.MAX : Instant.now().plus(duration));
    }

    public void end(String service) {
        require(service);
        activeUntil.remove(service);
    }

    public boolean active(String service) {
        Instant until = activeUntil.get(service);
        if (until == null) return false;
        if (Instant.now().isBefore(until)) return true;
        activeUntil.remove(service, until);
        return false;
    }

    /** Every service and whether it is down. */
    public Map<String, Boolean> state() {
        Map<String, Boolean> state = new TreeMap<>();
        SERVICES.forEach(service -> state.put(service, active(service)));
        return state;
    }

    private static void require(String service) {
        if (!SERVICES.contains(service)) throw new IllegalArgumentException("No service " + service + " to take down; there is " + SERVICES);
    }
}
