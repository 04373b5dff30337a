package app.domus.shared.guard;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many requests each {@link EndpointClass} allows per window, as the stage configures it: the template parameter
 * {@code RateLimits}, passed to every function as {@code RATE_LIMITS}, e.g.
 * {@code auth=10/60,writes=60/60,reads=600/60,public_search=120/60,webhooks=600/60} (requests / window in seconds).
 * A class left out is not limited; an empty value or {@code off} limits nothing.
 */
public final class RateLimitPolicy {
    /** One class's allowance: {@code limit} requests per {@code window}. */
    public record Limit(int limit, Duration window) {
        /** The {@code RateLimit-Policy} form of draft-ietf-httpapi-ratelimit-headers-07: {@code 60;w=60}. */
        public String policyHeader() {
            return limit + ";w=" + window.toSeconds();
        }
    }

    private final Map<EndpointClass, Limit> limits;

    private RateLimitPolicy(Map<EndpointClass, Limit> limits) {
        this.limits = limits;
    }

    public static RateLimitPolicy off() {
        return new RateLimitPolicy(new EnumMap<>(EndpointClass.class));
    }

    /** Parses the {@code RATE_LIMITS} form; a malformed entry fails, naming it (a stage must not run unlimited by a typo). */
    public static RateLimitPolicy parse(String text) {
        Map<EndpointClass, Limit> limits = new EnumMap<>(EndpointClass.class);
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("off")) return new RateLimitPolicy(limits);
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) continue;
            int equals = trimmed.indexOf('=');
            int slash = trimmed.indexOf('/');
            if (equals < 1 || slash < equals) throw new IllegalArgumentException("RATE_LIMITS entry '" + trimmed + "' is not class=limit/seconds");
            EndpointClass type;
            try {
                type = EndpointClass.valueOf(trimmed.substring(0, equals).trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("RATE_LIMITS names no endpoint class '" + trimmed.substring(0, equals) + "'");
            }
            int limit = Integer.parseInt(trimmed.substring(equals + 1, slash).trim());
            long seconds = Long.parseLong(trimmed.substring(slash + 1).trim());
            if (limit < 1 || seconds < 1) throw new IllegalArgumentException("RATE_LIMITS entry '" + trimmed + "' must be positive");
            if (type != EndpointClass.UNLIMITED) limits.put(type, new Limit(limit, Duration.ofSeconds(seconds)));
        }
        return new RateLimitPolicy(limits);
    }

    public Optional<Limit> of(EndpointClass type) {
        return Optional.ofNullable(limits.get(type));
    }

    public boolean isOff() {
        return limits.isEmpty();
    }
}
