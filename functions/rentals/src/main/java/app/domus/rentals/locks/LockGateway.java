package app.domus.rentals.locks;

import app.domus.rentals.partners.PartnerException;
import java.time.Instant;

/**
 * A smart-lock cloud as the rentals context uses it: keypad codes valid only in a time window, their revocation, a
 * remote unlock at check-in, and the lock's state. A lock that is offline is an answer ({@link LockResult.Offline}),
 * not an error: the guest still gets the code, and the caller retries the lock later. Everything else that goes wrong
 * is a {@link PartnerException}: {@code Unavailable} (retry later), {@code Refused} or {@code Invalid}.
 */
public interface LockGateway {

    /**
     * Puts keypad code {@code code} on the lock, valid from {@code from} until {@code until}, under {@code name} (the
     * caller's reference, e.g. the reservation's id: asking again with the same name does not add a second code).
     */
    LockResult createCode(String lockId, String name, String code, Instant from, Instant until);

    /** Whether the code made under {@code name} is on the lock yet (for a creation that was {@link LockResult.Queued}). */
    LockResult findCode(String lockId, String name);

    /** Takes the code off the lock; one that is gone already counts as revoked. */
    LockResult revokeCode(String lockId, String authId);

    /** Opens the lock now (check-in with the code through the app rather than the keypad). */
    LockResult unlock(String lockId);

    /** What the lock's cloud knows of it now. */
    LockState state(String lockId);

    /** Whether the lock's keypad takes {@code code} (Nuki: six digits 1-9, not starting with 12). */
    boolean acceptsCode(String code);
}
