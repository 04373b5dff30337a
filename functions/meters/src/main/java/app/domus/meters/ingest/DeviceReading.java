package app.domus.meters.ingest;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * A device's reading as it arrives on the readings queue: the IoT rule's output ({@code payload}, the device's message
 * base64-encoded, so that a message that is not JSON still arrives and can be dead-lettered with its reason; the
 * {@code topic} it was published to and the MQTT {@code clientId}), or the same from the HTTP gateway ingestion.
 */
public record DeviceReading(String deviceId, BigDecimal value, Instant timestamp, String topic, String clientId, String gatewayBuildingId) {
    /** Why a message can never be stored, carried to the DLQ. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Reads one queue message, or says why it is not a reading. */
    public static DeviceReading parse(String body) {
        JsonNode envelope = Json.readOrNull(body);
        if (envelope == null || !envelope.isObject()) throw new Rejected("the message is not the readings rule's JSON");
        String topic = text(envelope, "topic");
        String clientId = text(envelope, "clientId");
        String gateway = text(envelope, "gatewayBuildingId");
        String encoded = text(envelope, "payload");
        if (encoded == null) throw new Rejected("the message has no payload");
        String payload;
        try {
            payload = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Rejected("the payload is not base64");
        }
        JsonNode reading = Json.readOrNull(payload);
        if (reading == null || !reading.isObject()) throw new Rejected("the device sent something that is not a JSON object");
        String deviceId = text(reading, "deviceId");
        if (deviceId == null || deviceId.length() > 64) throw new Rejected("deviceId is missing or too long");
        JsonNode value = reading.get("value");
        if (value == null || !value.isNumber()) throw new Rejected("value is missing or not a number");
        BigDecimal decimal = value.decimalValue();
        if (decimal.signum() < 0 || decimal.precision() - decimal.scale() > 12) throw new Rejected("value is negative or too large");
        String timestamp = text(reading, "timestamp");
        if (timestamp == null) throw new Rejected("timestamp is missing");
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new Rejected("timestamp is not an ISO-8601 instant");
        }
        // One spelling per value (101.0 and 101 are the same reading): no trailing zeros, never an exponent.
        BigDecimal plain = decimal.stripTrailingZeros();
        if (plain.scale() < 0) plain = plain.setScale(0);
        return new DeviceReading(deviceId, plain, at, topic, clientId, gateway);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
