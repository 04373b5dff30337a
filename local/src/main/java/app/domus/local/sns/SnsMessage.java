package app.domus.local.sns;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One message published to a topic.
 *
 * @param messageStructure {@code json} when {@code message} holds one text per protocol ({@code default}, {@code sqs}, ...)
 */
public record SnsMessage(String messageId, String topicArn, String subject, String message, String messageStructure,
                         Map<String, MessageAttribute> attributes, String messageGroupId, String deduplicationId) {

    /** The text a subscriber of the given protocol receives. */
    public String messageFor(String protocol) {
        if (!"json".equals(messageStructure)) return message;
        JsonNode perProtocol = Json.read(message);
        return perProtocol.has(protocol) ? perProtocol.get(protocol).asText() : perProtocol.path("default").asText();
    }
}
