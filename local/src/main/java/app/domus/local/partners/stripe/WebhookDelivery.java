package app.domus.local.partners.stripe;

/**
 * One attempt to deliver an event to the webhook endpoint, as the test controls list them.
 *
 * @param kind           {@code signed} (the event's own delivery and its retries), {@code duplicate} (re-sent on
 *                       request), {@code forged} (a wrong signature) or {@code stale} (a timestamp outside the tolerance)
 * @param attempt        1 for the first try of a delivery, 2 for its first retry, ...
 * @param status         the receiver's HTTP status; null when none came (no endpoint, refused, timed out)
 * @param error          why no 2xx came back, or null
 * @param nextRetryAt    when the next retry is due (ISO-8601), or null when none will follow
 */
public record WebhookDelivery(String eventId, String eventType, String kind, int attempt, String url, String sentAt,
                              Integer status, String error, long durationMillis, String nextRetryAt) {

    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}
