package app.domus.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {
    private final AtomicInteger runs = new AtomicInteger();

    private IdempotencyStore store(Clock clock) {
        return new IdempotencyStore(LocalDynamo.client(), TestPlatform.config(), clock);
    }

    @Test
    void secondDeliveryOfTheSameKeyReturnsTheStoredResultWithoutRunningTheWork() {
        IdempotencyStore store = store(Clock.systemUTC());
        String first = store.once("consumer", "event-1", "{}", Duration.ofSeconds(30), () -> "result-" + runs.incrementAndGet());
        String second = store.once("consumer", "event-1", "{}", Duration.ofSeconds(30), () -> "result-" + runs.incrementAndGet());
        assertThat(first).isEqualTo("result-1");
        assertThat(second).isEqualTo("result-1");
        assertThat(runs).hasValue(1);
    }

    @Test
    void differentConsumersEachHandleTheSameEventOnce() {
        IdempotencyStore store = store(Clock.systemUTC());
        store.once("a", "event-1", "{}", Duration.ofSeconds(30), () -> "a" + runs.incrementAndGet());
        store.once("b", "event-1", "{}", Duration.ofSeconds(30), () -> "b" + runs.incrementAndGet());
        assertThat(runs).hasValue(2);
    }

    @Test
    void failedWorkReleasesTheKeySoThatARetryRunsIt() {
        IdempotencyStore store = store(Clock.systemUTC());
        assertThatThrownBy(() -> store.once("c", "k", "{}", Duration.ofSeconds(30), () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.once("c", "k", "{}", Duration.ofSeconds(30), () -> "ok")).isEqualTo("ok");
    }

    @Test
    void sameKeyWithADifferentPayloadIsRefused() {
        IdempotencyStore store = store(Clock.systemUTC());
        store.once("c", "k", "{\"a\":1}", Duration.ofSeconds(30), () -> "ok");
        assertThatThrownBy(() -> store.once("c", "k", "{\"a\":2}", Duration.ofSeconds(30), () -> "other"))
                .isInstanceOf(IdempotencyStore.PayloadMismatchException.class);
    }

    @Test
    void keyHeldByARunningAttemptIsInProgressUntilItsWindowLapses() throws Exception {
        var config = TestPlatform.config();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        IdempotencyStore store = new IdempotencyStore(LocalDynamo.client(), config, Clock.fixed(start, ZoneOffset.UTC));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> store.once("c", "k", "{}", Duration.ofSeconds(30), () -> {
            inside.countDown();
            await(release);
            return "first";
        }));
        holder.start();
        inside.await();
        assertThatThrownBy(() -> store.once("c", "k", "{}", Duration.ofSeconds(30), () -> "second"))
                .isInstanceOf(IdempotencyStore.InProgressException.class);

        IdempotencyStore later = new IdempotencyStore(LocalDynamo.client(), config,
                Clock.fixed(start.plusSeconds(31), ZoneOffset.UTC));
        assertThat(later.once("c", "k", "{}", Duration.ofSeconds(30), () -> "taken over")).isEqualTo("taken over");
        release.countDown();
        holder.join();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
