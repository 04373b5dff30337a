package app.domus.local.partners.stripe;

import java.time.Duration;

/**
 * How the Stripe double behaves where Stripe's own figures would make local runs and tests slow: Stripe retries a
 * failed webhook for up to three days; locally the delays start at {@code firstRetryDelay} and double each time.
 *
 * @param secretKey       the API key to accept; null to keep (or generate) one in the data directory
 * @param webhookSecret   the endpoint's signing secret; null to keep (or generate) one in the data directory
 * @param maxAttempts     deliveries of one event before giving up, the first included
 * @param firstRetryDelay the delay before the second attempt; each further one waits twice as long
 * @param webhookTimeout  how long the receiver may take to answer before the attempt counts as failed
 */
public record StripeDoubleSettings(String secretKey, String webhookSecret, int maxAttempts, Duration firstRetryDelay, Duration webhookTimeout) {

    public static StripeDoubleSettings defaults() {
        return new StripeDoubleSettings(null, null, 4, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    public StripeDoubleSettings withKeys(String secretKey, String webhookSecret) {
        return new StripeDoubleSettings(secretKey, webhookSecret, maxAttempts, firstRetryDelay, webhookTimeout);
    }

    public StripeDoubleSettings withRetries(int maxAttempts, Duration firstRetryDelay, Duration webhookTimeout) {
        return new StripeDoubleSettings(secretKey, webhookSecret, maxAttempts, firstRetryDelay, webhookTimeout);
    }

    Duration retryDelay(int failedAttempt) {
        return firstRetryDelay.multipliedBy(1L << (failedAttempt - 1));
    }
}
