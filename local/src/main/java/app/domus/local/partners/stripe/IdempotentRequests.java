package app.domus.local.partners.stripe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's idempotency: the first result of a POST with an {@code Idempotency-Key} is kept, and the same key again
 * with the same endpoint and parameters gets that result back; with anything else, a 400 {@code idempotency_error}.
 * Callers hold the ledger's lock around look-up, execution and {@link #keep}, so no two requests with one key overlap
 * (Stripe's 409 for a key still in flight cannot happen here). Keys are kept for the double's lifetime, not 24 hours.
 */
final class IdempotentRequests {
    /** A kept result: what it answered, and the request it answered first (Stripe's {@code Original-Request}). */
    record Result(String endpoint, String parameters, int status, String body, String requestId) {}

    private final Map<String, Result> byKey = new HashMap<>();

    synchronized Optional<Result> replay(String key, String endpoint, String parameters) {
        Result kept = byKey.get(key);
        if (kept == null) return Optional.empty();
        if (!kept.endpoint().equals(endpoint)) {
            throw StripeApiException.of(400, "idempotency_error", null, "Keys for idempotent requests can only be used for the same endpoint they were "
                    + "first used for ('" + kept.endpoint() + "' vs '" + endpoint + "'). Try using a key other than '" + key
                    + "' if you meant to execute a different request.", true);
        }
        if (!kept.parameters().equals(parameters)) {
            throw StripeApiException.of(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters they "
                    + "were first used with. Try using a key other than '" + key + "' if you meant to execute a different request.", true);
        }
        return Optional.of(kept);
    }

    synchronized void keep(String key, Result result) {
        byKey.put(key, result);
    }
}
