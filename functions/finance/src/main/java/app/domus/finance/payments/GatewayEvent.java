package app.domus.finance.payments;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What the settlement needs from a Stripe event, read from its JSON as Stripe sends it (the webhook receiver has
 * verified its signature before queueing it). {@code amountReceived}/{@code amountRefunded} are Stripe's cumulative
 * amounts; {@code metadata} carries the invoice a PaymentIntent pays (we set it when creating the intent), which a
 * charge does not.
 */
public record GatewayEvent(String id, String type, long created, String paymentIntentId, String chargeId, String currency,
                           long amountReceived, long amountRefunded, String failureMessage, Map<String, String> metadata) {
    public static final String PAYMENT_SUCCEEDED = "payment_intent.succeeded";
    public static final String PAYMENT_FAILED = "payment_intent.payment_failed";
    public static final String CHARGE_REFUNDED = "charge.refunded";

    /** The event, or empty when the JSON is not a Stripe event about a PaymentIntent or a charge. */
    public static Optional<GatewayEvent> parse(String json) {
        JsonNode event = Json.readOrNull(json);
        if (event == null || !event.path("id").isTextual() || !event.path("type").isTextual()) return Optional.empty();
        JsonNode object = event.path("data").path("object");
        String kind = object.path("object").asText();
        String intentId = switch (kind) {
            case "payment_intent" -> object.path("id").asText(null);
            case "charge" -> object.path("payment_intent").asText(null);
            default -> null;
        };
        if (intentId == null) return Optional.empty();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        object.path("metadata").properties().forEach(field -> metadata.put(field.getKey(), field.getValue().asText()));
        String currency = object.path("currency").asText("").toUpperCase(java.util.Locale.ROOT);
        return Optional.of(new GatewayEvent(event.path("id").asText(), event.path("type").asText(), event.path("created").asLong(),
                intentId, kind.equals("charge") ? object.path("id").asText(null) : object.path("latest_charge").asText(null), currency,
                kind.equals("payment_intent") ? object.path("amount_received").asLong() : 0,
                kind.equals("charge") ? object.path("amount_refunded").asLong() : 0,
                object.path("last_payment_error").path("message").asText(null), Map.copyOf(metadata)));
    }
}
