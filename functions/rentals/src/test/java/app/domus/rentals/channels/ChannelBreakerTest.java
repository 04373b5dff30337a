package app.domus.rentals.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A channel's breaker as its item keeps it between syncs. */
class ChannelBreakerTest {
    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static ChannelItem channel(String state, String openedAt, List<String> outcomes) {
        ChannelItem c = new ChannelItem();
        c.setId("ch");
        c.setBreakerState(state);
        c.setBreakerOpenedAt(openedAt);
        c.setRecentOutcomes(outcomes);
        return c;
    }

    private static ChannelException failure() {
        return new ChannelException("down");
    }

    @Test
    void aNewChannelIsClosedAndRecordsItsOutcomesInAWindowOfFour() {
        ChannelItem c = channel(null, null, null);
        ChannelBreaker b = ChannelBreaker.restore(c, T);
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(b.permits()).isTrue();
        b.succeeded();
        b.store(T);
        assertThat(c.getBreakerState()).isEqualTo("CLOSED");
        assertThat(c.getRecentOutcomes()).containsExactly(ChannelBreaker.OK);
        assertThat(c.getBreakerOpenedAt()).isNull();

        for (int i = 0; i < 4; i++) {
            ChannelBreaker next = ChannelBreaker.restore(c, T);
            next.succeeded();
            next.store(T);
        }
        assertThat(c.getRecentOutcomes()).hasSize(ChannelBreaker.WINDOW).containsOnly(ChannelBreaker.OK);
    }

    @Test
    void twoFailuresOfThreeKeepItClosedAndThreeOfFourOpenIt() {
        ChannelItem c = channel("CLOSED", null, List.of(ChannelBreaker.FAILED, ChannelBreaker.OK));
        ChannelBreaker b = ChannelBreaker.restore(c, T);
        b.failed(failure());
        b.store(T);
        assertThat(c.getBreakerState()).as("2 of 3 failed: below 75%").isEqualTo("CLOSED");
        assertThat(c.getRecentOutcomes()).containsExactly(ChannelBreaker.FAILED, ChannelBreaker.OK, ChannelBreaker.FAILED);

        ChannelBreaker again = ChannelBreaker.restore(c, T);
        again.failed(failure());
        again.store(T.plusSeconds(5));
        assertThat(c.getBreakerState()).as("3 of 4 failed").isEqualTo("OPEN");
        assertThat(c.getBreakerOpenedAt()).isEqualTo(T.plusSeconds(5).toString());
    }

    @Test
    void threeFailuresInARowOpenIt() {
        ChannelItem c = channel(null, null, List.of(ChannelBreaker.FAILED, ChannelBreaker.FAILED));
        ChannelBreaker b = ChannelBreaker.restore(c, T);
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        b.failed(failure());
        b.store(T);
        assertThat(c.getBreakerState()).isEqualTo("OPEN");
    }

    @Test
    void anOpenBreakerRefusesUntilItsTimeIsUpThenLetsOneTrialThrough() {
        ChannelItem c = channel("OPEN", T.toString(), List.of("failed", "failed", "failed"));
        ChannelBreaker before = ChannelBreaker.restore(c, T.plus(ChannelBreaker.OPEN_FOR).minusSeconds(1));
        assertThat(before.permits()).isFalse();
        before.store(T.plus(ChannelBreaker.OPEN_FOR).minusSeconds(1));
        assertThat(c.getBreakerState()).isEqualTo("OPEN");
        assertThat(c.getBreakerOpenedAt()).as("still the first opening").isEqualTo(T.toString());

        ChannelBreaker due = ChannelBreaker.restore(c, T.plus(ChannelBreaker.OPEN_FOR));
        assertThat(due.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(due.permits()).isTrue();
        due.succeeded();
        due.store(T.plus(ChannelBreaker.OPEN_FOR));
        assertThat(c.getBreakerState()).isEqualTo("CLOSED");
        assertThat(c.getRecentOutcomes()).as("a fresh window").containsExactly(ChannelBreaker.OK);
        assertThat(c.getBreakerOpenedAt()).isNull();
    }

    @Test
    void aFailedTrialOpensItAgainFromTheTrialsTime() {
        Instant trial = T.plus(ChannelBreaker.OPEN_FOR).plus(Duration.ofMinutes(2));
        ChannelItem c = channel("OPEN", T.toString(), List.of("failed", "failed", "failed"));
        ChannelBreaker b = ChannelBreaker.restore(c, trial);
        assertThat(b.permits()).isTrue();
        b.failed(failure());
        b.store(trial);
        assertThat(c.getBreakerState()).isEqualTo("OPEN");
        assertThat(c.getBreakerOpenedAt()).isEqualTo(trial.toString());
    }

    @Test
    void anOpenBreakerWithoutItsTimeIsDueAndAHalfOpenOneTakesItsTrial() {
        ChannelItem c = channel("OPEN", null, null);
        assertThat(ChannelBreaker.restore(c, T).state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

        ChannelItem half = channel("HALF_OPEN", null, null);
        ChannelBreaker b = ChannelBreaker.restore(half, T);
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(b.permits()).isTrue();
        b.store(T);
        assertThat(half.getBreakerState()).isEqualTo("HALF_OPEN");
        assertThat(half.getBreakerOpenedAt()).isNull();
        assertThat(half.getRecentOutcomes()).isNull();
    }

    @Test
    void anOpenBreakerStoredLongAfterItsOpeningIsStampedAgain() {
        ChannelItem c = channel("OPEN", T.toString(), List.of("failed"));
        ChannelBreaker b = ChannelBreaker.restore(c, T.plusSeconds(10));
        b.store(T.plus(ChannelBreaker.OPEN_FOR));
        assertThat(c.getBreakerOpenedAt()).isEqualTo(T.plus(ChannelBreaker.OPEN_FOR).toString());
    }
}
