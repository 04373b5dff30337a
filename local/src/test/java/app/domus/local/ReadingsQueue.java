package app.domus.local;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What the meter rule of {@code iot-devices-template.yaml} sent to its queue: {@code payload} (base64), {@code topic},
 * {@code clientId}, {@code receivedAt}. Everything received is kept, so each test finds its own devices' messages.
 */
final class ReadingsQueue {
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();

    private ReadingsQueue() {}

    /** Waits until {@code count} messages match, and gives all that match by then. */
    static List<JsonNode> await(Predicate<JsonNode> matching, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (matching(matching).size() < count && Instant.now().isBefore(deadline)) receive();
        List<JsonNode> matched = matching(matching);
        if (matched.size() < count) throw new AssertionError("Waited " + timeout + " for " + count + " matching messages, got " + matched + " of " + RECEIVED);
        return matched;
    }

    /** Everything that matches, after letting the queue settle for {@code settling}. */
    static List<JsonNode> settled(Predicate<JsonNode> matching, Duration settling) {
        Instant deadline = Instant.now().plus(settling);
        while (Instant.now().isBefore(deadline)) receive();
        return matching(matching);
    }

    static Predicate<JsonNode> fromClient(String clientId) {
        return message -> clientId.equals(message.path("clientId").asText());
    }

    static byte[] payload(JsonNode message) {
        return Base64.getDecoder().decode(message.path("payload").asText());
    }

    static String payloadText(JsonNode message) {
        return new String(payload(message), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> matching(Predicate<JsonNode> matching) {
        return RECEIVED.stream().filter(matching).toList();
    }

    private static void receive() {
        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName("ReadingsQueue")).queueUrl();
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)).messages();
            for (Message message : messages) {
                RECEIVED.add(Json.read(message.body()));
                sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }
}
