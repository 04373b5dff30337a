package app.domus.local.partners.stripe;

/**
 * The API request that caused a change, as Stripe names it in the event's {@code request} field; both null for a
 * change made through the double's test controls (Stripe's dashboard changes have no request either).
 */
record StripeRequest(String id, String idempotencyKey) {
    static final StripeRequest NONE = new StripeRequest(null, null);
}
