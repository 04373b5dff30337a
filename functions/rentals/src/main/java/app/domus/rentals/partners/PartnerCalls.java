package app.domus.rentals.partners;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How one partner is called: each call retried while the partner is {@link PartnerException.Unavailable unavailable}
 * (exponential backoff with jitter), every attempt through one circuit breaker per partner and function instance.
 * When at least half of the last ten attempts (five at least) failed, the breaker opens: calls fail at once as
 * {@link PartnerException.Unavailable#breakerOpen()} for {@code openFor}, without retries, then two trial calls decide
 * whether it closes. A refusal or an invalid request is the partner answering: neither retried nor counted.
 */
public final class PartnerCalls {

    /**
     * @param connectTimeout  to open a connection
     * @param callTimeout     for one HTTP exchange, from sending to the whole answer
     * @param maxAttempts     attempts of one call, the first included
     * @param firstBackoff    wait before the second attempt; each further one waits {@code multiplier} times longer
     * @param jitter          the random share (0..1) each wait varies by, so that instances do not retry in step
     * @param openFor         how long an open breaker answers without calling
     */
    public record Settings(Duration connectTimeout, Duration callTimeout, int maxAttempts, Duration firstBackoff, double multiplier,
                           double jitter, Duration openFor) {

        /** For a person waiting (check-in) or a queue consumer: three attempts within about two seconds at most past the timeouts. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(30));
        }

        public Settings withTimeouts(Duration connect, Duration call) {
            return new Settings(connect, call, maxAttempts, firstBackoff, multiplier, jitter, openFor);
        }

        public Settings withRetries(int attempts, Duration first) {
            return new Settings(connectTimeout, callTimeout, attempts, first, multiplier, jitter, openFor);
        }

        public Settings withOpenFor(Duration open) {
            return new Settings(connectTimeout, callTimeout, maxAttempts, firstBackoff, multiplier, jitter, open);
        }
    }

    private final String partner;
    private final Settings settings;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public PartnerCalls(String partner, Settings settings) {
        this.partner = partner;
        this.settings = settings;
        this.breaker = CircuitBreaker.of(partner, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof PartnerException.Unavailable)
                .build());
        this.retry = Retry.of(partner, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), settings.multiplier(), settings.jitter()))
                .retryOnException(e -> e instanceof PartnerException.Unavailable unavailable && !unavailable.breakerOpen())
                .failAfterMaxAttempts(false)
                .build());
    }

    public String partner() {
        return partner;
    }

    public Settings settings() {
        return settings;
    }

    /** Runs {@code call} with retries, each attempt through the breaker. */
    public <T> T call(Supplier<T> call) {
        return retry.executeSupplier(() -> {
            try {
                return breaker.executeSupplier(call);
            } catch (CallNotPermittedException e) {
                throw PartnerException.Unavailable.breakerOpen(partner, e);
            }
        });
    }

    /** For the health the domain reports (e.g. {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}). */
    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }
}
