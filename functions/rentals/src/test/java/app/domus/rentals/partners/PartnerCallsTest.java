package app.domus.rentals.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartnerCallsTest {
    private final PartnerCalls calls = new PartnerCalls("test", PartnerCalls.Settings.defaults().withRetries(3, Duration.ofMillis(1)));
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void retriesAnUnavailablePartnerUntilItAnswers() {
        String answer = calls.call(() -> {
            if (attempts.incrementAndGet() < 3) throw new PartnerException.Unavailable("test", "503", null);
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThatThrownBy(() -> calls.call(() -> {
            attempts.incrementAndGet();
            throw new PartnerException.Unavailable("test", "503", null);
        })).isInstanceOf(PartnerException.Unavailable.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neitherRetriesNorCountsARefusalOrAnInvalidRequest() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> calls.call(() -> {
                attempts.incrementAndGet();
                throw new PartnerException.Invalid("test", "bad code");
            })).isInstanceOf(PartnerException.Invalid.class);
        }
        assertThat(attempts).hasValue(10);
        assertThat(calls.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void opensTheBreakerAfterRepeatedFailuresAndThenAnswersWithoutCalling() {
        PartnerCalls once = new PartnerCalls("test", PartnerCalls.Settings.defaults().withRetries(1, Duration.ofMillis(1)));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> once.call(() -> {
                attempts.incrementAndGet();
                throw new PartnerException.Unavailable("test", "503", null);
            })).isInstanceOfSatisfying(PartnerException.Unavailable.class, e -> assertThat(e.breakerOpen()).isFalse());
        }
        assertThat(once.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> once.call(() -> {
            attempts.incrementAndGet();
            return "called";
        })).isInstanceOfSatisfying(PartnerException.Unavailable.class, e -> assertThat(e.breakerOpen()).isTrue());
        assertThat(attempts).hasValue(5);
    }
}
