package app.domus.finance.payments;

import app.domus.shared.config.Env;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@code POST /webhooks/payments}: checks the {@code Stripe-Signature} with stripe-java ({@link Webhook#constructEvent}:
 * HMAC-SHA256 of {@code <timestamp>.<body>} with the endpoint's secret, the timestamp at most five minutes old) and queues
 * the event's exact body for {@link PaymentSettlement}. Nothing is applied here: the gateway gets its 200 at once, and a
 * slow or failing settlement is retried from the queue instead of by Stripe.
 */
public class PaymentWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentWebhooks.class);
    /** Stripe's own default: the signed timestamp may be this old (seconds), so a replayed old call is refused. */
    public static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

    private final GatewaySecrets secrets;
    private final SqsClient sqs;
    private final String queueUrl;

    public PaymentWebhooks(GatewaySecrets secrets, SqsClient sqs, String queueUrl) {
        this.secrets = secrets;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public static PaymentWebhooks fromEnvironment(GatewaySecrets secrets, SqsClient sqs) {
        return new PaymentWebhooks(secrets, sqs, Env.required("PAYMENT_EVENTS_QUEUE_URL"));
    }

    public record Received(String eventId, String type) {}

    /**
     * Before a SnapStart snapshot: verifies an event signed here with a throwaway secret, so that the signature check and
     * Gson's reading of an Event are loaded and linked; nothing is read from SSM or queued.
     */
    public static void prime() {
        String secret = "whsec_priming";
        String payload = "{\"id\":\"evt_priming\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":0,"
                + "\"data\":{\"object\":{\"id\":\"pi_priming\",\"object\":\"payment_intent\"}}}";
        long now = java.time.Instant.now().getEpochSecond();
        try {
            String signature = com.stripe.net.Webhook.Util.computeHmacSha256(secret, now + "." + payload);
            Webhook.constructEvent(payload, "t=" + now + ",v1=" + signature, secret, TOLERANCE_SECONDS);
        } catch (java.security.GeneralSecurityException | SignatureVerificationException e) {
            throw new IllegalStateException("Priming the webhook check failed", e);
        }
    }

    /** Verifies and queues; a call that is unsigned, wrongly signed, stale or not an event is a 400 and queues nothing. */
    public Received receive(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new ApiException(ProblemType.VALIDATION, "The Stripe-Signature header is missing");
        }
        String secret = secrets.webhookSecret();
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            LOG.warn("Refused a payment webhook: {}", e.getMessage());
            throw new ApiException(ProblemType.VALIDATION, "The Stripe-Signature does not match the body, or its timestamp is too old");
        } catch (RuntimeException e) {
            // Signed by the secret but not an event Gson can read (stripe-java throws Gson's unchecked parse errors).
            throw new ApiException(ProblemType.MALFORMED_JSON, "The body is not a Stripe event");
        }
        if (event.getId() == null || event.getType() == null) {
            throw new ApiException(ProblemType.VALIDATION, "The body is not a Stripe event");
        }
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(payload).messageAttributes(Map.of(
                    "eventType", MessageAttributeValue.builder().dataType("String").stringValue(event.getType()).build(),
                    "gatewayEventId", MessageAttributeValue.builder().dataType("String").stringValue(event.getId()).build())));
        } catch (SdkException e) {
            // Stripe retries a webhook that did not get a 2xx, for up to three days: a 503 loses nothing.
            LOG.error("Could not queue payment event {}", event.getId(), e);
            throw new ApiException(ProblemType.UNAVAILABLE, "The event could not be accepted now; it will be sent again");
        }
        return new Received(event.getId(), event.getType());
    }
}
