package app.domus.local.partners.locks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The smart locks of the double's account and what is queued for them. An operation waits in the queue until it is
 * applied (after the settings' delay, or when the test controls settle it); one applied while its lock is offline
 * fails, as Nuki's does ({@code ERROR_UNKNOWN}, 0xFF: "device is most likely offline"), and is recorded as failed.
 */
final class LockFleet {
    static final int KEYPAD_CODE = 13;

    static final class Lock {
        final long id;
        final String name;
        boolean online = true;
        boolean locked = true;
        boolean batteryCritical;
        int nextAuthId = 1;
        final Map<String, Auth> auths = new LinkedHashMap<>();

        Lock(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    record Auth(String id, int authId, String name, int type, int code, Instant allowedFrom, Instant allowedUntil, Instant created) {
        boolean opensAt(Instant at) {
            return !at.isBefore(allowedFrom) && at.isBefore(allowedUntil);
        }
    }

    /** An operation the API accepted: {@code what} says it for the controls; {@code apply} changes the lock. */
    record Operation(String id, long lockId, String what, Instant accepted, java.util.function.Consumer<Lock> apply) {}

    /** {@code errorCode} as in Nuki's webhooks: {@code ff} (ERROR_UNKNOWN) for a lock that could not be reached. */
    record Outcome(String operationId, long lockId, String what, boolean success, String errorCode, String at) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<Long, Lock> locks = new LinkedHashMap<>();
    private final List<Operation> queued = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    LockFleet(Clock clock) {
        this.clock = clock;
        // Two seeded locks, as the demo's two short-term rental units have.
        add(new Lock(17_000_001L, "Short-term flat 1, front door"));
        add(new Lock(17_000_002L, "Short-term flat 2, front door"));
    }

    private void add(Lock lock) {
        locks.put(lock.id, lock);
    }

    synchronized List<Lock> locks() {
        return List.copyOf(locks.values());
    }

    synchronized Optional<Lock> lock(long id) {
        return Optional.ofNullable(locks.get(id));
    }

    synchronized void online(long id, boolean online) {
        lockOrThrow(id).online = online;
    }

    synchronized Operation queue(long lockId, String what, java.util.function.Consumer<Lock> apply) {
        Operation operation = new Operation(newId(), lockId, what, clock.instant(), apply);
        queued.add(operation);
        return operation;
    }

    /** Applies one queued operation if it is still queued; false when it was applied already. */
    synchronized boolean apply(String operationId) {
        for (Operation operation : queued) {
            if (operation.id().equals(operationId)) {
                queued.remove(operation);
                run(operation);
                return true;
            }
        }
        return false;
    }

    /** Applies every queued operation, oldest first; answers how many. */
    synchronized int settle() {
        List<Operation> all = List.copyOf(queued);
        queued.clear();
        all.forEach(this::run);
        return all.size();
    }

    private void run(Operation operation) {
        Lock lock = locks.get(operation.lockId());
        boolean success = lock != null && lock.online;
        if (success) operation.apply().accept(lock);
        outcomes.add(new Outcome(operation.id(), operation.lockId(), operation.what(), success, success ? null : "ff", clock.instant().toString()));
    }

    synchronized List<Map<String, Object>> queued() {
        return queued.stream().map(o -> Map.<String, Object>of("id", o.id(), "smartlockId", o.lockId(), "what", o.what(), "accepted", o.accepted().toString())).toList();
    }

    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Whether {@code code} typed on the lock's keypad at {@code at} opens it, and why not. */
    synchronized Map<String, Object> typeCode(long lockId, int code, Instant at) {
        Lock lock = lockOrThrow(lockId);
        for (Auth auth : lock.auths.values()) {
            if (auth.type() != KEYPAD_CODE || auth.code() != code) continue;
            if (auth.opensAt(at)) {
                lock.locked = false;
                return Map.of("opened", true, "authId", auth.id());
            }
            return Map.of("opened", false, "reason", at.isBefore(auth.allowedFrom()) ? "not yet valid" : "expired", "authId", auth.id());
        }
        return Map.of("opened", false, "reason", "unknown code");
    }

    Lock lockOrThrow(long id) {
        Lock lock = locks.get(id);
        if (lock == null) throw new IllegalArgumentException("No smartlock " + id);
        return lock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Nuki's ids of authorizations look like MongoDB object ids: 24 hex digits. */
    static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
