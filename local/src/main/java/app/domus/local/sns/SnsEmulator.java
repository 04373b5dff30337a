package app.domus.local.sns;

import app.domus.local.console.Outages;
import app.domus.local.console.Outbox;
import app.domus.local.console.OutboxMessage;
import app.domus.local.console.PublishedEvents;
import app.domus.local.console.PublishedEvents.PublishedEvent;
import app.domus.local.aws.AwsApi;
import app.domus.local.aws.AwsRequest;
import app.domus.local.aws.AwsResponse;
import app.domus.local.runtime.Functions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SNS API calls the platform makes, answered in SNS's query protocol: {@code Publish} and {@code PublishBatch}
 * to topics (fanned out to subscribers and recorded as domain events), SMS and mobile-push publishes (captured in
 * the outbox), and the platform-endpoint calls behind push registration.
 */
public final class SnsEmulator implements AwsApi {
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final TopicSubscriptions topics;
    private final SnsDelivery delivery;
    private final Outbox outbox;
    private final PublishedEvents publishedEvents;
    private final String region;
    private final Map<String, String> deviceTokensByEndpoint = new ConcurrentHashMap<>();
    private final Outages outages;

    public SnsEmulator(TopicSubscriptions topics, SqsClient sqs, String sqsBaseUrl, Functions functions, Outbox outbox,
                       PublishedEvents publishedEvents, Outages outages, String region) {
        this.outages = outages;
        this.topics = topics;
        this.delivery = new SnsDelivery(topics, sqs, sqsBaseUrl, functions, outbox, publishedEvents, region);
        this.outbox = outbox;
        this.publishedEvents = publishedEvents;
        this.region = region;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        Map<String, String> parameters = request.formParameters();
        String action = parameters.getOrDefault("Action", "");
        if (outages.active("sns")) return error(500, "InternalError", "SNS is down (an outage switched on in the local console)");
        try {
            return switch (action) {
                case "Publish" -> result(action, "<MessageId>" + publish(parameters, "") + "</MessageId>");
                case "PublishBatch" -> publishBatch(parameters);
                case "CreatePlatformEndpoint" -> result(action, "<EndpointArn>" + createPlatformEndpoint(parameters) + "</EndpointArn>");
                // As SNS: an endpoint that does not exist (never created, or deleted) is NotFound; DeleteEndpoint is
                // idempotent, so deleting one that is gone succeeds.
                case "GetEndpointAttributes" -> deviceTokensByEndpoint.containsKey(parameters.getOrDefault("EndpointArn", ""))
                        ? result(action, "<Attributes>" + entry("Enabled", "true")
                                + entry("Token", deviceTokensByEndpoint.get(parameters.get("EndpointArn"))) + "</Attributes>")
                        : error(404, "NotFound", "Endpoint does not exist");
                case "SetEndpointAttributes" -> result(action, "");
                case "DeleteEndpoint" -> {
                    deviceTokensByEndpoint.remove(parameters.getOrDefault("EndpointArn", ""));
                    yield result(action, "");
                }
                case "CreateTopic" -> result(action, "<TopicArn>" + createTopic(parameters.get("Name")) + "</TopicArn>");
                case "GetTopicAttributes" -> result(action, "<Attributes>" + topicAttributes(parameters.get("TopicArn")) + "</Attributes>");
                case "ListTopics" -> result(action, "<Topics>" + String.join("", topics.topicArns().stream()
                        .map(arn -> "<member><TopicArn>" + arn + "</TopicArn></member>").toList()) + "</Topics>");
                default -> error(400, "InvalidAction", "The local cloud does not implement SNS " + action);
            };
        } catch (TopicNotFound e) {
            return error(404, "NotFound", "Topic does not exist: " + e.getMessage());
        }
    }

    /** The attributes a readiness probe or a client reads; the topic must exist, as on AWS. */
    private String topicAttributes(String topicArn) {
        if (topicArn == null || !topics.exists(topicArn)) throw new TopicNotFound(topicArn);
        return entry("TopicArn", topicArn) + entry("DisplayName", "") + entry("SubscriptionsConfirmed",
                Integer.toString(topics.of(topicArn).size()));
    }

    /** Publishes the entry whose parameters start with {@code prefix}; gives its message id. */
    private String publish(Map<String, String> parameters, String prefix) {
        String messageId = UUID.randomUUID().toString();
        String message = parameters.get(prefix + "Message");
        String subject = parameters.get(prefix + "Subject");
        Map<String, MessageAttribute> attributes = attributes(parameters, prefix + "MessageAttributes.entry.");
        String phoneNumber = parameters.get("PhoneNumber");
        String topicArn = parameters.getOrDefault("TopicArn", parameters.get("TargetArn"));
        if (phoneNumber != null && !phoneNumber.isBlank()) {
            outbox.add(new OutboxMessage(messageId, Instant.now(), "sms", null, List.of(phoneNumber), null, message, null,
                    Map.of("attributes", attributeValues(attributes))));
        } else if (topicArn != null && topicArn.contains(":endpoint/")) {
            outbox.add(new OutboxMessage(messageId, Instant.now(), "push", null, List.of(topicArn), subject, message, null,
                    Map.of("deviceToken", deviceTokensByEndpoint.getOrDefault(topicArn, ""),
                            "messageStructure", parameters.getOrDefault("MessageStructure", ""))));
        } else {
            if (topicArn == null || !topics.exists(topicArn)) throw new TopicNotFound(topicArn);
            SnsMessage published = new SnsMessage(messageId, topicArn, subject, message, parameters.get(prefix + "MessageStructure"),
                    attributes, parameters.get(prefix + "MessageGroupId"), parameters.get(prefix + "MessageDeduplicationId"));
            PublishedEvent event = new PublishedEvent(Instant.now(), topicArn.substring(topicArn.lastIndexOf(':') + 1),
                    attributes.containsKey("eventType") ? attributes.get("eventType").value() : null, messageId, message,
                    attributeValues(attributes));
            publishedEvents.add(event);
            delivery.deliver(published, event);
        }
        return messageId;
    }

    private AwsResponse publishBatch(Map<String, String> parameters) {
        StringBuilder successful = new StringBuilder();
        for (int entry = 1; parameters.containsKey("PublishBatchRequestEntries.member." + entry + ".Id"); entry++) {
            String prefix = "PublishBatchRequestEntries.member." + entry + ".";
            String messageId = publish(parameters, prefix);
            successful.append("<member><Id>").append(xml(parameters.get(prefix + "Id"))).append("</Id><MessageId>")
                    .append(messageId).append("</MessageId></member>");
        }
        return result("PublishBatch", "<Successful>" + successful + "</Successful><Failed/>");
    }

    /** Same device token, same endpoint: as SNS answers a repeated registration. */
    private String createPlatformEndpoint(Map<String, String> parameters) {
        String application = parameters.getOrDefault("PlatformApplicationArn", "");
        String applicationPath = application.contains(":app/") ? application.substring(application.indexOf(":app/") + 5) : "LOCAL/domus";
        String token = parameters.getOrDefault("Token", "");
        String endpointArn = "arn:aws:sns:" + region + ":000000000000:endpoint/" + applicationPath + "/"
                + UUID.nameUUIDFromBytes(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        deviceTokensByEndpoint.put(endpointArn, token);
        return endpointArn;
    }

    private String createTopic(String name) {
        String topicArn = "arn:aws:sns:" + region + ":000000000000:" + name;
        topics.addTopic(topicArn);
        return topicArn;
    }

    private static Map<String, MessageAttribute> attributes(Map<String, String> parameters, String prefix) {
        Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
        for (int entry = 1; parameters.containsKey(prefix + entry + ".Name"); entry++) {
            String dataType = parameters.get(prefix + entry + ".Value.DataType");
            String value = parameters.getOrDefault(prefix + entry + ".Value.StringValue", parameters.get(prefix + entry + ".Value.BinaryValue"));
            attributes.put(parameters.get(prefix + entry + ".Name"), new MessageAttribute(dataType, value));
        }
        return attributes;
    }

    private static Map<String, String> attributeValues(Map<String, MessageAttribute> attributes) {
        Map<String, String> values = new LinkedHashMap<>();
        attributes.forEach((name, attribute) -> values.put(name, attribute.value()));
        return values;
    }

    private static AwsResponse result(String action, String resultXml) {
        return AwsResponse.xml(200, "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + resultXml
                + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                + action + "Response>");
    }

    private static AwsResponse error(int status, String code, String message) {
        return AwsResponse.xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + xml(message) + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    private static String entry(String key, String value) {
        return "<entry><key>" + key + "</key><value>" + xml(value) + "</value></entry>";
    }

    private static String xml(String text) {
        if (text == null) return "";
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final class TopicNotFound extends RuntimeException {
        TopicNotFound(String topicArn) {
            super(topicArn);
        }
    }
}
