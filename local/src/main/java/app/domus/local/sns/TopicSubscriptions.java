package app.domus.local.sns;

import app.domus.local.Deployment;
import app.domus.local.FunctionEvent;
import app.domus.local.json.Json;
import app.domus.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The template's topics and everything subscribed to them: {@code AWS::SNS::Subscription} resources, a topic's own
 * {@code Subscription} list, and functions' {@code SNS} events.
 */
public final class TopicSubscriptions {
    private final List<String> topicArns = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();

    public TopicSubscriptions(Deployment deployment) {
        for (TemplateResource topic : deployment.resources("AWS::SNS::Topic")) {
            String topicArn = deployment.names().topicArn(topic);
            topicArns.add(topicArn);
            Object inline = deployment.properties(topic).get("Subscription");
            if (inline instanceof List<?> entries) {
                for (Object entry : entries) {
                    Map<?, ?> fields = (Map<?, ?>) entry;
                    add(topicArn, String.valueOf(fields.get("Protocol")), String.valueOf(fields.get("Endpoint")), false, null, false);
                }
            }
        }
        for (TemplateResource resource : deployment.resources("AWS::SNS::Subscription")) {
            Map<String, Object> properties = deployment.properties(resource);
            add(String.valueOf(properties.get("TopicArn")), String.valueOf(properties.get("Protocol")), String.valueOf(properties.get("Endpoint")),
                    Boolean.parseBoolean(String.valueOf(properties.get("RawMessageDelivery"))),
                    properties.get("FilterPolicy"), "MessageBody".equals(properties.get("FilterPolicyScope")));
        }
        for (FunctionEvent event : deployment.functionEvents("SNS")) {
            add(event.string("Topic"), "lambda", deployment.names().functionArn(event.functionLogicalId()), false,
                    event.properties().get("FilterPolicy"), "MessageBody".equals(event.string("FilterPolicyScope")));
        }
    }

    public List<String> topicArns() {
        return List.copyOf(topicArns);
    }

    public boolean exists(String topicArn) {
        return topicArns.contains(topicArn);
    }

    public void addTopic(String topicArn) {
        if (!topicArns.contains(topicArn)) topicArns.add(topicArn);
    }

    public List<Subscription> of(String topicArn) {
        return subscriptions.stream().filter(subscription -> subscription.topicArn().equals(topicArn)).toList();
    }

    private void add(String topicArn, String protocol, String endpoint, boolean raw, Object filterPolicy, boolean onMessageBody) {
        FilterPolicy filter = filterPolicy == null ? null
                : FilterPolicy.parse(filterPolicy instanceof String text ? text : Json.write(filterPolicy), onMessageBody);
        subscriptions.add(new Subscription(topicArn + ":" + UUID.nameUUIDFromBytes((protocol + endpoint).getBytes()),
                topicArn, protocol, endpoint, raw, filter));
    }
}
