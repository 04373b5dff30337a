package app.domus.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.testing.DirectoryWorld;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Five failures within fifteen minutes lock the address for fifteen minutes; the counter item says how. */
class AccountLockoutTest {
    private static final String EMAIL = "Lock@Example.com";

    private DirectoryWorld world;
    private AccountLockout lockout;

    @BeforeEach
    void setUp() {
        world = new DirectoryWorld(DirectoryWorld.START);
        lockout = new AccountLockout(world.table, world.clock);
    }

    private LoginAttemptsItem stored() {
        return world.table.get(LoginAttemptsItem.class, LoginAttemptsItem.pk(EMAIL), LoginAttemptsItem.SK).orElseThrow();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) lockout.recordFailure(EMAIL);
    }

    @Test
    void failuresAreCountedInTheirWindowWithAnExpiry() {
        fail(1);
        long now = world.clock.millis();
        assertThat(stored().getFailures()).isEqualTo(1L);
        assertThat(stored().getWindowStartMillis()).isEqualTo(now);
        assertThat(stored().getTtl()).isEqualTo((now + Duration.ofMinutes(30).toMillis()) / 1000 + 60);

        world.clock.advance(Duration.ofMinutes(1));
        fail(3);
        assertThat(stored().getFailures()).isEqualTo(4L);
        assertThat(stored().getWindowStartMillis()).as("the window starts at its first failure").isEqualTo(now);
        assertThat(stored().getLockedUntilMillis()).isNull();
        assertThat(stored().getTtl()).isEqualTo((world.clock.millis() + Duration.ofMinutes(30).toMillis()) / 1000 + 60);
        assertThatCode(() -> lockout.refuseIfLocked(EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void theFifthFailureLocksForFifteenMinutesAndRestartsTheCount() {
        fail(4);
        world.clock.advance(Duration.ofMinutes(2));
        fail(1);
        long now = world.clock.millis();
        assertThat(stored().getLockedUntilMillis()).isEqualTo(now + Duration.ofMinutes(15).toMillis());
        assertThat(stored().getFailures()).isZero();
        assertThat(stored().getWindowStartMillis()).isEqualTo(now);

        ApiException locked = catchThrowableOfType(ApiException.class, () -> lockout.refuseIfLocked(EMAIL));
        assertThat(locked.type()).isEqualTo(ProblemType.ACCOUNT_LOCKED);
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(catchThrowableOfType(ApiException.class, () -> lockout.refuseIfLocked("lock@example.COM")))
                .as("the address is case-insensitive").isNotNull();
    }

    @Test
    void theLockEndsExactlyWhenItSays() {
        fail(5);
        world.clock.advance(Duration.ofMinutes(15).minusMillis(1));
        ApiException locked = catchThrowableOfType(ApiException.class, () -> lockout.refuseIfLocked(EMAIL));
        assertThat(locked.retryAfter()).isEqualTo(Duration.ofMillis(1));
        world.clock.advance(Duration.ofMillis(1));
        assertThatCode(() -> lockout.refuseIfLocked(EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void aFailureAtTheWindowsLastMomentStillCountsButOneLaterStartsAgain() {
        fail(2);
        long start = world.clock.millis();
        world.clock.advance(Duration.ofMinutes(15));
        fail(1);
        assertThat(stored().getFailures()).as("at exactly fifteen minutes the window is still open").isEqualTo(3L);
        assertThat(stored().getWindowStartMillis()).isEqualTo(start);

        world.clock.advance(Duration.ofMillis(1));
        fail(1);
        assertThat(stored().getFailures()).isEqualTo(1L);
        assertThat(stored().getWindowStartMillis()).isEqualTo(world.clock.millis());
    }

    @Test
    void fourFailuresThenAPauseDoNotLock() {
        fail(4);
        world.clock.advance(Duration.ofMinutes(16));
        fail(4);
        assertThat(stored().getLockedUntilMillis()).isNull();
        assertThat(stored().getFailures()).isEqualTo(4L);
        lockout.clear(EMAIL);
        assertThat(world.table.get(LoginAttemptsItem.class, LoginAttemptsItem.pk(EMAIL), LoginAttemptsItem.SK)).isEmpty();
        assertThatCode(() -> lockout.refuseIfLocked(EMAIL)).doesNotThrowAnyException();
    }
}
