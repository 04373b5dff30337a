package app.domus.identity.login;

import app.domus.shared.observability.Observability;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Locks an e-mail address for {@link #LOCK} after {@link #MAX_FAILURES} failed sign-ins within
 * {@link #WINDOW}. Counted per address whether or not an account exists, so the lock reveals nothing.
 */
@Singleton
public class AccountLockout {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public AccountLockout(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public void refuseIfLocked(String email) {
        table.get(LoginAttemptsItem.class, LoginAttemptsItem.pk(email), LoginAttemptsItem.SK).ifPresent(attempts -> {
            long now = clock.millis();
            if (attempts.getLockedUntilMillis() != null && attempts.getLockedUntilMillis() > now) {
                throw ApiException.tooManyRequests(ProblemType.ACCOUNT_LOCKED,
                        "Sign-in is blocked for a while after repeated failures; try again later",
                        Duration.ofMillis(attempts.getLockedUntilMillis() - now));
            }
        });
    }

    /** Counts one failure; retried once if a concurrent failure updated the counter first. */
    public void recordFailure(String email) {
        Observability.count("SignInFailures");
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                countFailure(email);
                return;
            } catch (ConditionalCheckFailedException e) {
                // lost a race with another failure for the same address: read again and recount
            }
        }
    }

    private void countFailure(String email) {
        long now = clock.millis();
        LoginAttemptsItem attempts = table.get(LoginAttemptsItem.class, LoginAttemptsItem.pk(email), LoginAttemptsItem.SK)
                .orElseGet(() -> {
                    LoginAttemptsItem fresh = new LoginAttemptsItem();
                    fresh.setPk(LoginAttemptsItem.pk(email));
                    fresh.setSk(LoginAttemptsItem.SK);
                    return fresh;
                });
        boolean windowOver = attempts.getWindowStartMillis() == null || attempts.getWindowStartMillis() + WINDOW.toMillis() < now;
        long failures = windowOver ? 1 : attempts.getFailures() + 1;
        if (windowOver) attempts.setWindowStartMillis(now);
        attempts.setFailures(failures);
        if (failures >= MAX_FAILURES) {
            attempts.setLockedUntilMillis(now + LOCK.toMillis());
            attempts.setFailures(0L);
            attempts.setWindowStartMillis(now);
        }
        attempts.setTtl((now + WINDOW.plus(LOCK).toMillis()) / 1000 + 60);
        if (attempts.getVersion() == null) table.of(LoginAttemptsItem.class).putItem(attempts);
        else table.of(LoginAttemptsItem.class).updateItem(attempts);
    }

    public void clear(String email) {
        table.of(LoginAttemptsItem.class).deleteItem(Key.builder()
                .partitionValue(LoginAttemptsItem.pk(email)).sortValue(LoginAttemptsItem.SK).build());
    }
}
