package app.domus.local.console;

import app.domus.local.Deployment;
import app.domus.local.sqs.SqsEventSource;
import app.domus.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Depths of every queue, which are dead-letter queues, and what those hold. */
public final class QueueInspector {
    private final Deployment deployment;
    private final SqsClient sqs;
    private final List<SqsEventSource> eventSources;

    /**
     * @param visible       messages waiting
     * @param inFlight      messages received and not yet deleted (being processed, or waiting out a failed attempt)
     * @param beingHandled  messages a function is working on right now
     * @param deadLetters   for a dead-letter queue, the bodies it holds (peeked, at most 10)
     */
    public record QueueState(String logicalId, String name, String url, boolean deadLetterQueue, int visible, int inFlight,
                             int delayed, int beingHandled, List<String> deadLetters) {}

    public QueueInspector(Deployment deployment, SqsClient sqs, List<SqsEventSource> eventSources) {
        this.deployment = deployment;
        this.sqs = sqs;
        this.eventSources = eventSources;
    }

    public List<QueueState> queues() {
        Set<String> deadLetterTargets = deployment.resources("AWS::SQS::Queue").stream()
                .map(queue -> deployment.properties(queue).get("RedrivePolicy"))
                .filter(Map.class::isInstance)
                .map(policy -> String.valueOf(((Map<?, ?>) policy).get("deadLetterTargetArn")))
                .collect(Collectors.toSet());
        List<QueueState> states = new ArrayList<>();
        for (TemplateResource queue : deployment.resources("AWS::SQS::Queue")) {
            String url = deployment.names().queueUrl(queue);
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            boolean deadLetterQueue = deadLetterTargets.contains(deployment.names().queueArn(queue));
            int beingHandled = eventSources.stream().filter(source -> source.queueUrl().equals(url)).mapToInt(SqsEventSource::messagesInFlight).sum();
            states.add(new QueueState(queue.logicalId(), deployment.names().queueName(queue), url, deadLetterQueue,
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                    beingHandled, deadLetterQueue ? peek(url) : List.of()));
        }
        return states;
    }

    /** Looks at up to 10 messages without taking them: received with no visibility timeout, so they stay available. */
    private List<String> peek(String url) {
        return sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(0))
                .messages().stream().map(message -> message.body()).toList();
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Integer.parseInt(attributes.getOrDefault(name, "0"));
    }
}
