package app.domus.finance;

import app.domus.shared.http.ApiException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a transaction that starts from items it read (a number sequence, an account's balance) again when another writer
 * changed one of them first. Each attempt reads afresh and builds its transaction anew, so a retry never reuses a stale
 * number or balance; a condition that fails for good (an invoice already cancelled) is found by the attempt's own checks
 * on the fresh read.
 */
public final class Transactions {
    /**
     * Enough for a handful of concurrent writers to one organisation's sequence or one unit's account: with the
     * exponential backoff below, the last attempt comes about 4 s after the first.
     */
    public static final int ATTEMPTS = 10;
    static final long BASE_BACKOFF_MS = 8;
    static final long MAX_BACKOFF_MS = 1_000;
    private static final Set<String> LOST_A_RACE = Set.of("ConditionalCheckFailed", "TransactionConflict");

    private Transactions() {}

    public static <T> T retryingConflicts(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (TransactionCanceledException e) {
                if (!lostARace(e)) throw e;
                if (n >= ATTEMPTS) throw ApiException.conflict(what + " is being changed by others right now; try again");
                pause(n);
            }
        }
    }

    static boolean lostARace(TransactionCanceledException e) {
        if (!e.hasCancellationReasons()) return false;
        return e.cancellationReasons().stream().map(CancellationReason::code).anyMatch(LOST_A_RACE::contains);
    }

    /** Exponential backoff with full jitter, so that writers that collided do not collide again in step. */
    private static void pause(int attempt) {
        long cap = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS << Math.min(attempt, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", e);
        }
    }
}
