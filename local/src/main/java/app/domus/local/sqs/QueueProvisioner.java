package app.domus.local.sqs;

import app.domus.local.Deployment;
import app.domus.local.json.Json;
import app.domus.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates every {@code AWS::SQS::Queue} with its attributes and redrive policy, dead-letter queues first. A queue that
 * exists from an earlier start keeps its messages and gets the template's attributes.
 */
public final class QueueProvisioner {
    private static final Map<String, QueueAttributeName> ATTRIBUTES = Map.of(
            "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
            "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
            "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
            "MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
            "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
            "FifoQueue", QueueAttributeName.FIFO_QUEUE,
            "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);

    private final SqsClient sqs;

    public QueueProvisioner(SqsClient sqs) {
        this.sqs = sqs;
    }

    public void provision(Deployment deployment) {
        for (TemplateResource queue : deadLetterQueuesFirst(deployment)) {
            String name = deployment.names().queueName(queue);
            Map<QueueAttributeName, String> attributes = attributes(deployment.properties(queue));
            try {
                sqs.createQueue(request -> request.queueName(name).attributes(attributes));
            } catch (QueueNameExistsException existing) {
                Map<QueueAttributeName, String> changeable = new HashMap<>(attributes);
                changeable.remove(QueueAttributeName.FIFO_QUEUE);
                sqs.setQueueAttributes(request -> request.queueUrl(deployment.names().queueUrl(queue)).attributes(changeable));
            }
        }
    }

    private static Map<QueueAttributeName, String> attributes(Map<String, Object> properties) {
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        ATTRIBUTES.forEach((property, attribute) -> {
            if (properties.containsKey(property)) attributes.put(attribute, String.valueOf(properties.get(property)));
        });
        if (properties.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, Json.write(redrive));
        }
        return attributes;
    }

    /** ElasticMQ wants a dead-letter queue to exist before a queue that redrives into it. */
    private static List<TemplateResource> deadLetterQueuesFirst(Deployment deployment) {
        List<TemplateResource> ordered = new ArrayList<>();
        List<TemplateResource> redriving = new ArrayList<>();
        for (TemplateResource queue : deployment.resources("AWS::SQS::Queue")) {
            (queue.properties().containsKey("RedrivePolicy") ? redriving : ordered).add(queue);
        }
        ordered.addAll(redriving);
        return ordered;
    }
}
