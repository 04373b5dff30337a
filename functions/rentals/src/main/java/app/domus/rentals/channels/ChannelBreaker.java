package app.domus.rentals.channels;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A channel's circuit breaker: a resilience4j {@link CircuitBreaker} rebuilt for each sync from the state kept in the
 * channel's item, and written back after it, so that the breaker survives cold starts and every container sees the same
 * one (a channel syncs every 15 minutes, one message at a time: an in-memory breaker per container would hardly ever
 * see two calls). It opens when {@value #MIN_CALLS} of the last {@value #WINDOW} sync attempts failed (each attempt
 * being the call with its retries), stays open {@link #OPEN_FOR} (the runs in between skip the channel without calling
 * it), then lets one trial sync through: success closes it, failure opens it again.
 */
final class ChannelBreaker {
    static final int WINDOW = 4;
    static final int MIN_CALLS = 3;
    static final Duration OPEN_FOR = Duration.ofMinutes(30);
    static final String OK = "ok";
    static final String FAILED = "failed";

    static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(WINDOW)
            .minimumNumberOfCalls(MIN_CALLS)
            .failureRateThreshold(75)
            .waitDurationInOpenState(OPEN_FOR)
            .permittedNumberOfCallsInHalfOpenState(1)
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .build();

    private final CircuitBreaker breaker;
    private final List<String> outcomes;
    private final ChannelItem channel;

    private ChannelBreaker(ChannelItem channel, CircuitBreaker breaker, List<String> outcomes) {
        this.channel = channel;
        this.breaker = breaker;
        this.outcomes = outcomes;
    }

    /** The breaker as the channel's item left it, at {@code now}. */
    static ChannelBreaker restore(ChannelItem channel, Instant now) {
        CircuitBreaker breaker = CircuitBreaker.of("channel-" + channel.getId(), CONFIG);
        List<String> outcomes = new ArrayList<>(channel.getRecentOutcomes() == null ? List.of() : channel.getRecentOutcomes());
        String state = channel.getBreakerState() == null ? "CLOSED" : channel.getBreakerState();
        switch (state) {
            case "OPEN" -> {
                Instant opened = channel.getBreakerOpenedAt() == null ? Instant.EPOCH : Instant.parse(channel.getBreakerOpenedAt());
                breaker.transitionToOpenState();
                if (!now.isBefore(opened.plus(OPEN_FOR))) breaker.transitionToHalfOpenState();
            }
            case "HALF_OPEN" -> {
                breaker.transitionToOpenState();
                breaker.transitionToHalfOpenState();
            }
            default -> {
                for (String outcome : outcomes) {
                    if (OK.equals(outcome)) breaker.onSuccess(0, TimeUnit.MILLISECONDS);
                    else breaker.onError(0, TimeUnit.MILLISECONDS, new ChannelException("an earlier sync failed"));
                }
            }
        }
        return new ChannelBreaker(channel, breaker, outcomes);
    }

    /** May this sync call the channel? False while open. */
    boolean permits() {
        return breaker.tryAcquirePermission();
    }

    void succeeded() {
        breaker.onSuccess(0, TimeUnit.MILLISECONDS);
        record(OK);
    }

    void failed(ChannelException e) {
        breaker.onError(0, TimeUnit.MILLISECONDS, e);
        record(FAILED);
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Writes the breaker's state into the channel's item (to be saved with the sync's health). */
    void store(Instant now) {
        String before = channel.getBreakerState() == null ? "CLOSED" : channel.getBreakerState();
        CircuitBreaker.State state = breaker.getState();
        channel.setBreakerState(state.name());
        if (state == CircuitBreaker.State.OPEN && (!"OPEN".equals(before) || channel.getBreakerOpenedAt() == null
                || !now.isBefore(Instant.parse(channel.getBreakerOpenedAt()).plus(OPEN_FOR)))) {
            channel.setBreakerOpenedAt(now.toString());
        }
        if (state == CircuitBreaker.State.CLOSED && !"CLOSED".equals(before)) {
            outcomes.clear();
            outcomes.add(OK);
        }
        if (state != CircuitBreaker.State.OPEN) channel.setBreakerOpenedAt(null);
        channel.setRecentOutcomes(outcomes.isEmpty() ? null : List.copyOf(outcomes));
    }

    private void record(String outcome) {
        outcomes.add(outcome);
        while (outcomes.size() > WINDOW) outcomes.removeFirst();
    }
}
