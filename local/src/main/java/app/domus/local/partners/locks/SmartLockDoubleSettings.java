package app.domus.local.partners.locks;

import java.time.Duration;

/**
 * How the smart-lock double behaves.
 *
 * @param apiToken   the Bearer token to accept; null to make one at start
 * @param applyDelay how long after a PUT, POST or DELETE the operation reaches the lock (Nuki's API is asynchronous:
 *                   it answers 204 at once and carries the operation to the lock within seconds); {@link Duration#ZERO}
 *                   applies it before answering; null keeps every operation queued until {@code POST /_double/operations/settle},
 *                   for tests that decide when the lock catches up
 */
public record SmartLockDoubleSettings(String apiToken, Duration applyDelay) {

    public static SmartLockDoubleSettings defaults() {
        return new SmartLockDoubleSettings(null, Duration.ofMillis(300));
    }

    public static SmartLockDoubleSettings manual(String apiToken) {
        return new SmartLockDoubleSettings(apiToken, null);
    }
}
