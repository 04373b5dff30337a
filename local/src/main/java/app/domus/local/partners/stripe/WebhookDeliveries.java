package app.domus.local.partners.stripe;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to the webhook endpoint as Stripe does: a JSON POST signed with the endpoint secret (a fresh
 * timestamp on every attempt), retried with a doubling delay after a non-2xx answer, a refused connection or a
 * timeout, up to {@link StripeDoubleSettings#maxAttempts()}. Every attempt is recorded. For tests it can also hold
 * events and release them in reverse (out of order), send one again (a duplicate), or send one with a wrong or an
 * expired signature.
 */
final class WebhookDeliveries implements AutoCloseable {
    /** The receiver's tolerance in Stripe's libraries ({@code Webhook.DEFAULT_TOLERANCE}): a stale event is older. */
    static final long STRIPE_TOLERANCE_SECONDS = 300;

    private final WebhookSigner signer;
    private final StripeDoubleSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("stripe-webhook-retries").factory());
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final List<WebhookDelivery> log = new ArrayList<>();
    private final List<ObjectNode> held = new ArrayList<>();
    private volatile String endpoint;
    private boolean holding;

    WebhookDeliveries(WebhookSigner signer, StripeDoubleSettings settings, Clock clock) {
        this.signer = signer;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.webhookTimeout()).build();
    }

    void endpoint(String url) {
        this.endpoint = url;
    }

    String endpoint() {
        return endpoint;
    }

    /** A new event: delivered now, or kept while deliveries are held. */
    void send(ObjectNode event) {
        synchronized (held) {
            if (holding) {
                held.add(event);
                return;
            }
        }
        deliverLater(event, "signed", 1, Duration.ZERO);
    }

    /** From now on, new events wait for {@link #release}. */
    void hold() {
        synchronized (held) {
            holding = true;
        }
    }

    /** Sends the held events, newest first when {@code reversed}, and stops holding; gives the ids in the order sent. */
    List<String> release(boolean reversed) {
        List<ObjectNode> events;
        synchronized (held) {
            holding = false;
            events = new ArrayList<>(reversed ? held.reversed() : held);
            held.clear();
        }
        // One after the other, so that the receiver sees them in exactly this order.
        for (ObjectNode event : events) attempt(event, "signed", 1);
        return events.stream().map(event -> event.path("id").asText()).toList();
    }

    /** Delivers the event once more, with its retries, as Stripe's "resend" does. */
    void resend(ObjectNode event) {
        deliverLater(event, "duplicate", 1, Duration.ZERO);
    }

    /** One attempt with a signature made with another secret; no retries. */
    WebhookDelivery sendForged(ObjectNode event) {
        String payload = Json.write(event);
        return post(event, payload, new WebhookSigner("whsec_" + StripeIds.random(32)).header(payload, clock.instant().getEpochSecond()), "forged", 1, false);
    }

    /** One attempt correctly signed but {@code ageSeconds} in the past; no retries. */
    WebhookDelivery sendStale(ObjectNode event, long ageSeconds) {
        String payload = Json.write(event);
        return post(event, payload, signer.header(payload, clock.instant().getEpochSecond() - ageSeconds), "stale", 1, false);
    }

    /** Every attempt so far, oldest first. */
    List<WebhookDelivery> attempts() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    List<String> heldEventIds() {
        synchronized (held) {
            return held.stream().map(event -> event.path("id").asText()).toList();
        }
    }

    private void deliverLater(ObjectNode event, String kind, int attempt, Duration delay) {
        retries.schedule(() -> attempts.execute(() -> attempt(event, kind, attempt)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(ObjectNode event, String kind, int attempt) {
        String payload = Json.write(event);
        WebhookDelivery delivery = post(event, payload, signer.header(payload, clock.instant().getEpochSecond()), kind, attempt, true);
        if (delivery.nextRetryAt() != null) deliverLater(event, kind, attempt + 1, settings.retryDelay(attempt));
    }

    private WebhookDelivery post(ObjectNode event, String payload, String signature, String kind, int attempt, boolean retried) {
        String url = endpoint;
        Instant sentAt = clock.instant();
        Integer status = null;
        String error = null;
        if (url == null) {
            error = "no webhook endpoint is configured";
        } else {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.webhookTimeout())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                        .header("Stripe-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 200 || status >= 300) error = "the endpoint answered " + status;
            } catch (HttpTimeoutException e) {
                error = "timed out after " + settings.webhookTimeout().toMillis() + " ms";
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted: the double is stopping";
            }
        }
        boolean retry = retried && error != null && url != null && attempt < settings.maxAttempts() && !Thread.currentThread().isInterrupted();
        WebhookDelivery delivery = new WebhookDelivery(event.path("id").asText(), event.path("type").asText(), kind, attempt, url,
                sentAt.toString(), status, error, Duration.between(sentAt, clock.instant()).toMillis(),
                retry ? clock.instant().plus(settings.retryDelay(attempt)).toString() : null);
        synchronized (log) {
            log.add(delivery);
        }
        return delivery;
    }

    @Override
    public void close() {
        retries.shutdownNow();
        attempts.shutdownNow();
    }
}
