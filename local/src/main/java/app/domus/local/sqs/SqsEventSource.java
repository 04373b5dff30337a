package app.domus.local.sqs;

import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping: long-polls the queue, hands batches to the function, deletes what succeeded.
 * A failed batch is left alone, so its messages come back after the visibility timeout and, past the queue's
 * {@code maxReceiveCount}, move to the dead-letter queue. With {@code ReportBatchItemFailures} only the reported
 * messages stay.
 */
public final class SqsEventSource implements AutoCloseable {
    /**
     * One second, not Lambda's 20: with 20 s long polls, the tests that restart the local cloud or switch templates took
     * seconds longer each in a full run (open long polls held up the stop, it seems; not measured on its own). The
     * price is one receive a second per idle poller.
     */
    private static final int POLL_WAIT_SECONDS = 1;

    private final String queueArn;
    private final String queueUrl;
    private final String region;
    private final int batchSize;
    private final long batchingWindowMillis;
    private final boolean reportBatchItemFailures;
    private final LocalFunction function;
    private final SqsClient sqs;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger messagesInFlight = new AtomicInteger();
    private final List<Thread> pollers = new ArrayList<>();
    private final List<ConsumerOutcome> outcomeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** How the function fared with one message: {@code error} is {@code null} when it counts as processed. */
    @FunctionalInterface
    public interface ConsumerOutcome {
        void handled(String messageId, String function, String error);
    }

    /** Told, for each message handed to the function, whether it was processed (for the console's event view). */
    public void onOutcome(ConsumerOutcome listener) {
        outcomeListeners.add(listener);
    }

    public SqsEventSource(String queueArn, String queueUrl, String region, int batchSize, boolean reportBatchItemFailures,
                          LocalFunction function, SqsClient sqs) {
        this(queueArn, queueUrl, region, batchSize, 0, 1, reportBatchItemFailures, function, sqs);
    }

    /**
     * As Lambda polls: batches of up to {@code batchSize} (more than SQS's 10 a receive only with a batching window, which
     * gathers receives until the batch is full or the window has passed), by {@code concurrency} pollers at once (Lambda
     * runs several batches of a queue at a time; the template's {@code ScalingConfig.MaximumConcurrency} caps it, and the
     * local cloud runs at most one poller per core).
     */
    public SqsEventSource(String queueArn, String queueUrl, String region, int batchSize, int batchingWindowSeconds, int concurrency,
                          boolean reportBatchItemFailures, LocalFunction function, SqsClient sqs) {
        this.queueArn = queueArn;
        this.queueUrl = queueUrl;
        this.region = region;
        this.batchingWindowMillis = batchingWindowSeconds * 1000L;
        this.batchSize = batchingWindowSeconds > 0 ? Math.min(batchSize, 10_000) : Math.min(batchSize, 10);
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.function = function;
        this.sqs = sqs;
        for (int i = 0; i < Math.max(1, concurrency); i++) {
            pollers.add(Thread.ofVirtual().name("sqs-" + function.definition().logicalId() + "-" + i).unstarted(this::pollUntilClosed));
        }
    }

    public void start() {
        pollers.forEach(Thread::start);
    }

    public String queueUrl() {
        return queueUrl;
    }

    /** Messages received and handed to the function but not yet settled. */
    public int messagesInFlight() {
        return messagesInFlight.get();
    }

    private void pollUntilClosed() {
        while (running.get()) {
            try {
                List<Message> batch = new ArrayList<>(receive(Math.min(batchSize, 10), POLL_WAIT_SECONDS));
                if (!batch.isEmpty() && batchingWindowMillis > 0) {
                    long windowEnds = System.currentTimeMillis() + batchingWindowMillis;
                    while (batch.size() < batchSize && System.currentTimeMillis() < windowEnds && running.get()) {
                        List<Message> more = receive(Math.min(batchSize - batch.size(), 10), 0);
                        if (more.isEmpty()) Thread.sleep(Math.min(50, Math.max(1, windowEnds - System.currentTimeMillis())));
                        batch.addAll(more);
                    }
                }
                if (!batch.isEmpty() && running.get()) deliver(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // An Error too: a poller that ended would leave its queue unread with nothing said (one CI run saw a
                // redrive test's message stay visible for 20 s with no poller taking it).
                if (!running.get()) return;
                System.err.println("[sqs " + queueUrl + "] polling failed: " + e);
                pause();
            }
        }
    }

    private List<Message> receive(int count, int waitSeconds) {
        return sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                .maxNumberOfMessages(count)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private void deliver(List<Message> batch) {
        messagesInFlight.addAndGet(batch.size());
        try {
            List<Message> succeeded = invoke(batch);
            for (int from = 0; from < succeeded.size(); from += 10) {
                List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < Math.min(succeeded.size(), from + 10); i++) {
                    entries.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(i)).receiptHandle(succeeded.get(i).receiptHandle()).build());
                }
                sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
            }
        } finally {
            messagesInFlight.addAndGet(-batch.size());
        }
    }

    /** Runs the function on the batch; gives the messages that count as processed. */
    private List<Message> invoke(List<Message> batch) {
        String error = null;
        List<Message> succeeded = List.of();
        try {
            succeeded = processed(batch);
        } catch (FunctionError failed) {
            error = failed.errorType() + ": " + failed.getMessage();
        }
        if (!outcomeListeners.isEmpty()) {
            String name = function.definition().logicalId();
            for (Message message : batch) {
                String outcome = succeeded.contains(message) ? null : error != null ? error : "reported as a batch item failure";
                outcomeListeners.forEach(listener -> listener.handled(message.messageId(), name, outcome));
            }
        }
        return succeeded;
    }

    private List<Message> processed(List<Message> batch) throws FunctionError {
        String response = function.invoke(Json.write(event(batch)));
        if (!reportBatchItemFailures) return batch;
        JsonNode failures = response == null ? null : Json.read(response).path("batchItemFailures");
        if (failures == null || failures.isMissingNode() || failures.isNull() || failures.isEmpty()) return batch;
        Set<String> failedIds = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            // Lambda treats a response it cannot match to the batch as a failure of the whole batch.
            if (batch.stream().noneMatch(message -> message.messageId().equals(id))) return List.of();
            failedIds.add(id);
        }
        return batch.stream().filter(message -> !failedIds.contains(message.messageId())).toList();
    }

    private ObjectNode event(List<Message> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return event;
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode attribute = Json.object();
        if (value.stringValue() != null) attribute.put("stringValue", value.stringValue());
        if (value.binaryValue() != null) attribute.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        attribute.putArray("stringListValues");
        attribute.putArray("binaryListValues");
        attribute.put("dataType", value.dataType());
        return attribute;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops polling. A poll in progress is abandoned rather than waited out, and a batch it still brings is not handed
     * to the function, so the messages stay in the queue for the next start.
     */
    @Override
    public void close() {
        running.set(false);
        pollers.forEach(Thread::interrupt);
    }
}
