package app.domus.local.sns;

import app.domus.local.console.Outbox;
import app.domus.local.console.OutboxMessage;
import app.domus.local.console.PublishedEvents;
import app.domus.local.console.PublishedEvents.Delivery;
import app.domus.local.console.PublishedEvents.PublishedEvent;
import app.domus.local.runtime.LocalFunction;
import app.domus.local.json.Json;
import app.domus.local.runtime.Functions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Hands a published message to each subscriber whose filter policy accepts it, in the form SNS delivers it. */
final class SnsDelivery {
    private final TopicSubscriptions subscriptions;
    private final SqsClient sqs;
    private final String sqsBaseUrl;
    private final Functions functions;
    private final Outbox outbox;
    private final PublishedEvents published;
    private final String region;

    SnsDelivery(TopicSubscriptions subscriptions, SqsClient sqs, String sqsBaseUrl, Functions functions, Outbox outbox,
                PublishedEvents published, String region) {
        this.published = published;
        this.subscriptions = subscriptions;
        this.sqs = sqs;
        this.sqsBaseUrl = sqsBaseUrl;
        this.functions = functions;
        this.outbox = outbox;
        this.region = region;
    }

    /** @param event the console's record of the message, which learns each subscription it reached */
    void deliver(SnsMessage message, PublishedEvent event) {
        for (Subscription subscription : subscriptions.of(message.topicArn())) {
            if (!subscription.accepts(message)) continue;
            switch (subscription.protocol()) {
                case "sqs" -> {
                    String queueMessageId = toQueue(subscription, message);
                    published.delivered(event, "sqs", queueName(subscription), "queued", queueMessageId);
                }
                case "lambda" -> {
                    LocalFunction function = functions.byArn(subscription.endpoint());
                    Delivery delivery = published.delivered(event, "lambda", function.definition().logicalId(), "invoked", null);
                    functions.invokeAsync(function, Json.write(lambdaEvent(subscription, message)), error -> {
                        if (error == null) delivery.update("processed", "by " + function.definition().logicalId());
                        else delivery.update("failed", error.errorType() + ": " + error.getMessage());
                    });
                }
                case "email", "email-json", "sms" -> {
                    toOutbox(subscription, message);
                    published.delivered(event, subscription.protocol(), subscription.endpoint(), "sent", null);
                }
                default -> {
                    published.delivered(event, subscription.protocol(), subscription.endpoint(), "not-delivered-locally", null);
                    System.err.println("[sns] " + subscription.protocol() + " subscriptions are not delivered locally: " + subscription.endpoint());
                }
            }
        }
    }

    private static String queueName(Subscription subscription) {
        return subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1);
    }

    /** @return the queue message's id */
    private String toQueue(Subscription subscription, SnsMessage message) {
        String queueName = subscription.endpoint().substring(subscription.endpoint().lastIndexOf(':') + 1);
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(sqsBaseUrl + "/000000000000/" + queueName);
        if (subscription.rawMessageDelivery()) {
            request.messageBody(message.messageFor("sqs")).messageAttributes(sqsAttributes(message.attributes()));
        } else {
            request.messageBody(Json.write(envelope(subscription, message)));
        }
        if (queueName.endsWith(".fifo")) {
            request.messageGroupId(message.messageGroupId())
                    .messageDeduplicationId(message.deduplicationId() != null ? message.deduplicationId() : message.messageId());
        }
        return sqs.sendMessage(request.build()).messageId();
    }

    private void toOutbox(Subscription subscription, SnsMessage message) {
        String channel = subscription.protocol().equals("sms") ? "sms" : "email";
        outbox.add(new OutboxMessage(UUID.randomUUID().toString(), Instant.now(), channel, subscription.topicArn(),
                List.of(subscription.endpoint()), message.subject(), message.messageFor(subscription.protocol()), null,
                Map.of("topicArn", message.topicArn())));
    }

    /** The JSON document SNS delivers when raw message delivery is off. */
    private ObjectNode envelope(Subscription subscription, SnsMessage message) {
        ObjectNode envelope = Json.object();
        envelope.put("Type", "Notification");
        envelope.put("MessageId", message.messageId());
        envelope.put("TopicArn", message.topicArn());
        if (message.subject() != null) envelope.put("Subject", message.subject());
        envelope.put("Message", message.messageFor(subscription.protocol()));
        envelope.put("Timestamp", Instant.now().toString());
        envelope.put("SignatureVersion", "1");
        envelope.put("Signature", "local");
        envelope.put("SigningCertURL", "https://sns." + region + ".amazonaws.com/local.pem");
        envelope.put("UnsubscribeURL", "https://sns." + region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + subscription.arn());
        if (!message.attributes().isEmpty()) {
            ObjectNode attributes = envelope.putObject("MessageAttributes");
            message.attributes().forEach((name, value) -> attributes.putObject(name).put("Type", value.dataType()).put("Value", value.value()));
        }
        return envelope;
    }

    private ObjectNode lambdaEvent(Subscription subscription, SnsMessage message) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscription.arn());
        record.put("EventSource", "aws:sns");
        ObjectNode sns = envelope(subscription, message);
        sns.put("SigningCertUrl", sns.remove("SigningCertURL").asText());
        sns.put("UnsubscribeUrl", sns.remove("UnsubscribeURL").asText());
        if (!sns.has("MessageAttributes")) sns.putObject("MessageAttributes");
        record.set("Sns", sns);
        return event;
    }

    private static Map<String, MessageAttributeValue> sqsAttributes(Map<String, MessageAttribute> attributes) {
        Map<String, MessageAttributeValue> converted = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> {
            MessageAttributeValue.Builder value = MessageAttributeValue.builder();
            if (attribute.dataType().equals("Binary")) {
                value.dataType("Binary").binaryValue(SdkBytes.fromByteArray(Base64.getDecoder().decode(attribute.value())));
            } else {
                value.dataType(attribute.dataType().equals("String.Array") ? "String" : attribute.dataType()).stringValue(attribute.value());
            }
            converted.put(name, value.build());
        });
        return converted;
    }
}
