package app.domus.shared.guard;

import app.domus.shared.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-class limits of {@link RateLimitPolicy} over the shared fixed-window counters of {@link RateLimiter}: one
 * atomic UpdateItem per request, none while this instance already knows the caller's window is exceeded (it stays
 * exceeded until the window ends, whatever other instances count).
 */
public final class EndpointLimits {
    private static final int MAX_REMEMBERED = 10_000;

    private final RateLimitPolicy policy;
    private final RateLimiter limiter;
    private final Clock clock;
    /** Counter key → the end (epoch millis) of a window this instance saw exceeded. */
    private final Map<String, Long> exceeded = new ConcurrentHashMap<>();

    public EndpointLimits(RateLimitPolicy policy, RateLimiter limiter, Clock clock) {
        this.policy = policy;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * What the limit says about one request of {@code type} from {@code subject} (the caller, or the client address):
     * null when the class is not limited.
     */
    public Verdict hit(EndpointClass type, String subject) {
        RateLimitPolicy.Limit limit = policy.of(type).orElse(null);
        if (limit == null) return null;
        String key = "LIMIT#" + type.wire() + "#" + subject;
        long now = clock.millis();
        Long knownEnd = exceeded.get(key);
        if (knownEnd != null) {
            if (now < knownEnd) return new Verdict(type, limit, false, 0, Duration.ofMillis(knownEnd - now));
            exceeded.remove(key);
        }
        RateLimiter.Decision decision = limiter.hit(key, limit.limit(), limit.window());
        if (!decision.allowed()) {
            if (exceeded.size() >= MAX_REMEMBERED) exceeded.clear();
            exceeded.put(key, now + decision.retryAfter().toMillis());
        }
        return new Verdict(type, limit, decision.allowed(), Math.max(0, limit.limit() - decision.hits()), decision.retryAfter());
    }

    /** One request's standing against its class's limit. */
    public record Verdict(EndpointClass type, RateLimitPolicy.Limit limit, boolean allowed, long remaining, Duration reset) {
        /**
         * The headers of draft-ietf-httpapi-ratelimit-headers-07 ({@code RateLimit-Limit}, {@code RateLimit-Remaining},
         * {@code RateLimit-Reset} in seconds, {@code RateLimit-Policy}), and {@code Retry-After} when refused.
         */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            long resetSeconds = Math.max(1, (reset.toMillis() + 999) / 1000);
            headers.put("RateLimit-Limit", Integer.toString(limit.limit()));
            headers.put("RateLimit-Remaining", Long.toString(remaining));
            headers.put("RateLimit-Reset", Long.toString(resetSeconds));
            headers.put("RateLimit-Policy", limit.policyHeader());
            if (!allowed) headers.put("Retry-After", Long.toString(resetSeconds));
            return headers;
        }
    }
}
