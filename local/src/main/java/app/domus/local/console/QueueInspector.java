package app.domus.local.console;

import app.domus.local.Deployment;
import app.domus.local.sqs.SqsEventSource;
import app.domus.local.template.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
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
     * @param redrivesTo    for a dead-letter queue, the logical id of the queue whose RedrivePolicy sends it its messages
     * @param deadLetterMessages the same messages as {@code deadLetters}, with their ids (to redrive or purge one)
     */
    public record QueueState(String logicalId, String name, String url, boolean deadLetterQueue, int visible, int inFlight,
                             int delayed, int beingHandled, List<String> deadLetters, String redrivesTo,
                             List<DeadLetter> deadLetterMessages) {}

    /** A message in a dead-letter queue, as the console lists it. */
    public record DeadLetter(String messageId, String body, int receiveCount, java.time.Instant sentAt) {}

    /** A queue the request names that the template does not have, or a message no longer there. */
    public static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** A redrive from a queue that is no dead-letter queue. */
    public static final class NotADeadLetterQueue extends RuntimeException {
        NotADeadLetterQueue(String message) {
            super(message);
        }
    }

    public QueueInspector(Deployment deployment, SqsClient sqs, List<SqsEventSource> eventSources) {
        this.deployment = deployment;
        this.sqs = sqs;
        this.eventSources = eventSources;
    }

    public List<QueueState> queues() {
        Map<String, String> sources = sourcesByDeadLetterArn();
        List<QueueState> states = new ArrayList<>();
        for (TemplateResource queue : deployment.resources("AWS::SQS::Queue")) {
            String url = deployment.names().queueUrl(queue);
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            String source = sources.get(deployment.names().queueArn(queue));
            boolean deadLetterQueue = source != null;
            int beingHandled = eventSources.stream().filter(eventSource -> eventSource.queueUrl().equals(url)).mapToInt(SqsEventSource::messagesInFlight).sum();
            List<DeadLetter> deadLetters = deadLetterQueue ? peek(url) : List.of();
            states.add(new QueueState(queue.logicalId(), deployment.names().queueName(queue), url, deadLetterQueue,
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED),
                    beingHandled, deadLetters.stream().map(DeadLetter::body).toList(), source, deadLetters));
        }
        return states;
    }

    /**
     * Moves a dead-letter queue's messages back to the queue whose RedrivePolicy names it (all of them, or the one with
     * {@code messageId}), keeping their bodies and attributes, as SQS's dead-letter queue redrive does.
     *
     * @return the number of messages moved
     */
    public int redrive(String queue, String messageId) {
        TemplateResource deadLetterQueue = queue(queue);
        String sourceLogicalId = sourcesByDeadLetterArn().get(deployment.names().queueArn(deadLetterQueue));
        if (sourceLogicalId == null) throw new NotADeadLetterQueue(deadLetterQueue.logicalId() + " is no queue's dead-letter queue");
        TemplateResource source = deployment.template().resource(sourceLogicalId);
        String sourceUrl = deployment.names().queueUrl(source);
        boolean fifo = deployment.names().queueName(source).endsWith(".fifo");
        return take(deployment.names().queueUrl(deadLetterQueue), messageId, message -> sqs.sendMessage(request -> {
            request.queueUrl(sourceUrl).messageBody(message.body()).messageAttributes(message.messageAttributes());
            if (fifo) {
                request.messageGroupId(message.attributesAsStrings().getOrDefault("MessageGroupId", "redrive"))
                        .messageDeduplicationId("redrive-" + message.messageId());
            }
        }));
    }

    /** Deletes a queue's messages: all of them, or the one with {@code messageId}. @return the number deleted (all: those there before) */
    public int purge(String queue, String messageId) {
        String url = deployment.names().queueUrl(queue(queue));
        if (messageId == null) {
            int before = count(sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes(), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            sqs.purgeQueue(request -> request.queueUrl(url));
            return before;
        }
        return take(url, messageId, message -> {});
    }

    /**
     * Receives the queue's messages (all, or until the one with {@code messageId}), hands each wanted one to
     * {@code action} and deletes it; the others become visible again at once.
     */
    private int take(String url, String messageId, java.util.function.Consumer<Message> action) {
        int taken = 0;
        List<Message> putBack = new ArrayList<>();
        try {
            // Bounded: a queue refilled faster than it is drained must not keep the console's request forever.
            for (int round = 0; round < 100; round++) {
                List<Message> received = sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10)
                        .visibilityTimeout(30).waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All")).messages();
                if (received.isEmpty()) break;
                for (Message message : received) {
                    if (messageId != null && !messageId.equals(message.messageId())) {
                        putBack.add(message);
                        continue;
                    }
                    action.accept(message);
                    sqs.deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
                    taken++;
                }
                if (messageId != null && taken > 0) break;
            }
        } finally {
            for (Message message : putBack) {
                sqs.changeMessageVisibility(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            }
        }
        if (messageId != null && taken == 0) throw new NotFound("No message " + messageId + " in the queue (already redriven or purged?)");
        return taken;
    }

    /** The template's queue by logical id or by its deployed name. */
    private TemplateResource queue(String queue) {
        return deployment.resources("AWS::SQS::Queue").stream()
                .filter(resource -> resource.logicalId().equals(queue) || deployment.names().queueName(resource).equals(queue))
                .findFirst().orElseThrow(() -> new NotFound("No queue " + queue + " in the template"));
    }

    /** Each dead-letter queue's ARN, to the logical id of the queue whose RedrivePolicy names it. */
    private Map<String, String> sourcesByDeadLetterArn() {
        Map<String, String> sources = new java.util.HashMap<>();
        for (TemplateResource queue : deployment.resources("AWS::SQS::Queue")) {
            if (deployment.properties(queue).get("RedrivePolicy") instanceof Map<?, ?> policy) {
                sources.putIfAbsent(String.valueOf(policy.get("deadLetterTargetArn")), queue.logicalId());
            }
        }
        return sources;
    }

    /** Looks at up to 10 messages without taking them: received with no visibility timeout, so they stay available. */
    private List<DeadLetter> peek(String url) {
        return sqs.receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(0)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, MessageSystemAttributeName.SENT_TIMESTAMP))
                .messages().stream().map(message -> {
                    Map<String, String> attributes = message.attributesAsStrings();
                    String sent = attributes.get("SentTimestamp");
                    return new DeadLetter(message.messageId(), message.body(), Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "0")),
                            sent == null ? null : java.time.Instant.ofEpochMilli(Long.parseLong(sent)));
                }).toList();
    }

    private static int count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Integer.parseInt(attributes.getOrDefault(name, "0"));
    }
}
