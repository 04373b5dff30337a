package app.domus.rentals.locks;

import java.time.Duration;

/** How a lock operation ended: done on the lock, accepted by the lock's cloud but not yet confirmed, or not possible now. */
public sealed interface LockResult {

    /** Done on the lock; {@code authId} names the code for a code operation, null for an unlock. */
    record Applied(String authId) implements LockResult {}

    /** The lock's cloud took the operation and will carry it to the lock; ask again ({@link LockGateway#findCode}) to confirm. */
    record Queued(String detail) implements LockResult {}

    /** The lock is not connected to its cloud: nothing was changed; try again after {@code retryAfter}. */
    record Offline(String lockId, Duration retryAfter) implements LockResult {}
}
