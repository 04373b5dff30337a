package app.domus.local.iot;

import app.domus.local.Deployment;
import app.domus.local.FunctionEvent;
import app.domus.local.json.Json;
import app.domus.local.runtime.Functions;
import app.domus.local.template.TemplateResource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * IoT Core's rules engine: the functions' {@code IoTRule} events and {@code AWS::IoT::TopicRule} resources, each SQL
 * statement applied to every message the broker sees, the result sent to the rule's function or queue.
 */
public final class IotRules implements MqttBroker.PublishListener, AutoCloseable {
    private final List<Rule> rules = new ArrayList<>();
    private final Functions functions;
    private final SqsClient sqs;
    private final ExecutorService delivery = Executors.newVirtualThreadPerTaskExecutor();

    /** One rule action: a function ({@code functionLogicalId}) or a queue ({@code queueUrl}). */
    private record Rule(String name, IotSql sql, String functionLogicalId, String queueUrl) {}

    public IotRules(Deployment deployment, Functions functions, SqsClient sqs) {
        this.functions = functions;
        this.sqs = sqs;
        for (FunctionEvent event : deployment.functionEvents("IoTRule")) {
            rules.add(new Rule(event.functionLogicalId() + "." + event.name(), IotSql.parse(event.string("Sql")), event.functionLogicalId(), null));
        }
        for (TemplateResource topicRule : deployment.resources("AWS::IoT::TopicRule")) {
            Map<?, ?> payload = (Map<?, ?>) deployment.properties(topicRule).get("TopicRulePayload");
            if (Boolean.parseBoolean(String.valueOf(payload.get("RuleDisabled")))) continue;
            IotSql sql = IotSql.parse(String.valueOf(payload.get("Sql")));
            for (Object action : (List<?>) payload.get("Actions")) {
                Map<?, ?> actionFields = (Map<?, ?>) action;
                if (actionFields.get("Lambda") instanceof Map<?, ?> lambda) {
                    String functionName = functions.byArn(String.valueOf(lambda.get("FunctionArn"))).definition().logicalId();
                    rules.add(new Rule(topicRule.logicalId(), sql, functionName, null));
                } else if (actionFields.get("Sqs") instanceof Map<?, ?> queue) {
                    rules.add(new Rule(topicRule.logicalId(), sql, null, String.valueOf(queue.get("QueueUrl"))));
                } else {
                    System.err.println("[iot] rule " + topicRule.logicalId() + ": only Lambda and Sqs actions run locally, not " + actionFields.keySet());
                }
            }
        }
    }

    @Override
    public void published(String topic, String clientId, byte[] payload) {
        IotSql.Message message = IotSql.Message.of(topic, clientId, payload, System.currentTimeMillis());
        for (Rule rule : rules) {
            delivery.execute(() -> apply(rule, message));
        }
    }

    private void apply(Rule rule, IotSql.Message message) {
        try {
            rule.sql().apply(message).ifPresent(output -> deliver(rule, output));
        } catch (RuntimeException e) {
            System.err.println("[iot] rule " + rule.name() + " failed on " + message.topic() + ": " + e.getMessage());
        }
    }

    private void deliver(Rule rule, ObjectNode output) {
        if (rule.functionLogicalId() != null) {
            functions.invokeAsync(functions.get(rule.functionLogicalId()), Json.write(output));
        } else {
            sqs.sendMessage(request -> request.queueUrl(rule.queueUrl()).messageBody(Json.write(output)));
        }
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
