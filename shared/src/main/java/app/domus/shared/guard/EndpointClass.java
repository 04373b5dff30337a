package app.domus.shared.guard;

import java.util.Locale;

/**
 * The rate-limit classes of the HTTP API's routes. A handler names its class with {@link RateLimited}; without it, a
 * {@code GET} or {@code HEAD} is {@link #READS} and anything else {@link #WRITES}.
 */
public enum EndpointClass {
    /** Sign-in, registration, token refresh, MFA, verification links, OAuth, guests' door codes: per client address. */
    AUTH,
    /** Changes by a signed-in caller: per caller (per client address without a token). */
    WRITES,
    /** Reads by a signed-in caller: per caller (per client address without a token). */
    READS,
    /** The listing portal's public search: per client address. */
    PUBLIC_SEARCH,
    /** Partners' and devices' callbacks: per route (one partner each) and sending address. */
    WEBHOOKS,
    /** Not limited (health checks). */
    UNLIMITED;

    /** The name in {@code RATE_LIMITS} and in the {@code RateLimit-Policy} header: {@code auth}, {@code public_search}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of a route served by {@code handler} for {@code method}. */
    public static EndpointClass of(Class<?> handler, String method) {
        RateLimited declared = handler.getAnnotation(RateLimited.class);
        if (declared != null) return declared.value();
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method) ? READS : WRITES;
    }
}
