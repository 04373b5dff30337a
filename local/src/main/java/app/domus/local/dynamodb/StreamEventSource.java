package app.domus.local.dynamodb;

import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.LocalFunction;
import app.domus.local.sns.FilterPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's DynamoDB event source mapping, over DynamoDB Local's Streams API: reads each shard in order, hands batches
 * of up to {@code BatchSize} records to the function, and moves on only when a batch succeeded. A failed batch is
 * retried where it failed (with {@code ReportBatchItemFailures}, from the reported record), split in halves first
 * when {@code BisectBatchOnFunctionError} is set (so a poison record ends up alone), up to {@code MaximumRetryAttempts} times (-1: until it succeeds);
 * then its description goes to the {@code OnFailure} destination queue and the shard goes on. Where each shard got
 * to is kept in the data directory, so a restart (even after {@code kill -9}) resumes after the last record that
 * succeeded: records in flight at the kill are delivered again, as Lambda does.
 */
public final class StreamEventSource implements AutoCloseable {
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    /** The mapping's settings, as the template's {@code DynamoDB} event gives them. */
    public record Settings(String tableName, String startingPosition, int batchSize, int maximumRetryAttempts,
                           boolean bisectOnError, boolean reportBatchItemFailures, String onFailureQueueUrl,
                           List<FilterPolicy> filters) {}

    private final Settings settings;
    private final String region;
    private final LocalFunction function;
    private final DynamoDbClient dynamoDb;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final Path checkpointFile;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger recordsInFlight = new AtomicInteger();
    private final Thread poller;
    /** Shard id → sequence number of the last record handled. */
    private final Map<String, String> checkpoints = new HashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private String streamArn;

    public StreamEventSource(Settings settings, String region, LocalFunction function, DynamoDbClient dynamoDb,
                             DynamoDbStreamsClient streams, SqsClient sqs, Path checkpointFile) {
        this.settings = settings;
        this.region = region;
        this.function = function;
        this.dynamoDb = dynamoDb;
        this.streams = streams;
        this.sqs = sqs;
        this.checkpointFile = checkpointFile;
        this.poller = Thread.ofVirtual().name("stream-" + function.definition().logicalId()).unstarted(this::pollUntilClosed);
    }

    public void start() {
        poller.start();
    }

    /** Records read from the stream and handed to the function but not yet settled. */
    public int recordsInFlight() {
        return recordsInFlight.get();
    }

    public String functionLogicalId() {
        return function.definition().logicalId();
    }

    private void pollUntilClosed() {
        while (running.get()) {
            try {
                if (!pollOnce()) pause(IDLE_POLL);
            } catch (RuntimeException e) {
                if (!running.get()) return;
                System.err.println("[stream " + settings.tableName() + " → " + functionLogicalId() + "] polling failed: " + e.getMessage());
                iterators.clear();
                pause(Duration.ofSeconds(1));
            }
        }
    }

    /** One pass over the stream's shards; true when it found records. */
    private boolean pollOnce() {
        if (streamArn == null) open();
        boolean found = false;
        for (Shard shard : shards()) {
            if (!running.get()) return found;
            String iterator = iterators.computeIfAbsent(shard.shardId(), id -> iterator(shard));
            if (iterator == null) continue;
            GetRecordsResponse page;
            try {
                page = streams.getRecords(b -> b.shardIterator(iterator).limit(settings.batchSize()));
            } catch (ExpiredIteratorException | TrimmedDataAccessException e) {
                iterators.remove(shard.shardId());
                continue;
            }
            if (page.nextShardIterator() == null) iterators.remove(shard.shardId());
            else iterators.put(shard.shardId(), page.nextShardIterator());
            if (!page.records().isEmpty() && running.get()) {
                found = true;
                deliver(shard.shardId(), page.records());
            }
        }
        return found;
    }

    private void open() {
        streamArn = dynamoDb.describeTable(b -> b.tableName(settings.tableName())).table().latestStreamArn();
        if (streamArn == null) throw new IllegalStateException("Table " + settings.tableName() + " has no stream");
        checkpoints.clear();
        checkpoints.putAll(readCheckpoints(streamArn));
    }

    private List<Shard> shards() {
        List<Shard> all = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            var description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start)).streamDescription();
            all.addAll(description.shards());
            after = description.lastEvaluatedShardId();
        } while (after != null);
        return all;
    }

    private String iterator(Shard shard) {
        String checkpoint = checkpoints.get(shard.shardId());
        try {
            if (checkpoint != null) {
                return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint)).shardIterator();
            }
            // A shard we have never read: from its start, unless this is the mapping's very first start at LATEST.
            ShardIteratorType type = checkpoints.isEmpty() && "LATEST".equals(settings.startingPosition())
                    ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId()).shardIteratorType(type)).shardIterator();
        } catch (ResourceNotFoundException | TrimmedDataAccessException e) {
            return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        }
    }

    /**
     * Hands the records that pass the mapping's {@code FilterCriteria} to the function until they are settled (succeeded,
     * or sent to the failure destination); records filtered out are passed over, as Lambda drops them.
     */
    private void deliver(String shardId, List<Record> records) {
        List<Record> passing = records.stream().filter(this::passesFilters).toList();
        recordsInFlight.addAndGet(passing.size());
        try {
            if (!passing.isEmpty()) settle(shardId, passing);
            if (running.get()) checkpoint(shardId, records.getLast());
        } finally {
            recordsInFlight.addAndGet(-passing.size());
        }
    }

    private boolean passesFilters(Record record) {
        if (settings.filters().isEmpty()) return true;
        String json = Json.write(recordJson(record));
        return settings.filters().stream().anyMatch(filter -> filter.matches(java.util.Map.of(), json));
    }

    private void settle(String shardId, List<Record> batch) {
        List<Record> pending = batch;
        int retries = 0;
        while (running.get()) {
            Outcome outcome = invoke(pending);
            if (outcome.failedFrom() < 0) {
                checkpoint(shardId, pending.getLast());
                return;
            }
            if (outcome.failedFrom() > 0) {
                checkpoint(shardId, pending.get(outcome.failedFrom() - 1));
                pending = pending.subList(outcome.failedFrom(), pending.size());
            } else if (settings.bisectOnError() && pending.size() > 1) {
                // Lambda splits a failing batch in two and retries each half, to isolate a poison record; a record
                // reported as failed at the batch's head is split off the same way.
                settle(shardId, pending.subList(0, pending.size() / 2));
                if (!running.get()) return;
                pending = pending.subList(pending.size() / 2, pending.size());
                continue;
            }
            retries++;
            if (settings.maximumRetryAttempts() >= 0 && retries > settings.maximumRetryAttempts()) {
                sendToFailureDestination(shardId, pending, outcome);
                checkpoint(shardId, pending.getLast());
                return;
            }
            pause(backoff(retries));
        }
    }

    /** @param failedFrom index of the first record to retry; -1 when all succeeded */
    private record Outcome(int failedFrom, boolean functionError, String reason) {}

    private Outcome invoke(List<Record> records) {
        String response;
        try {
            response = function.invoke(Json.write(event(records)));
        } catch (FunctionError e) {
            return new Outcome(0, true, e.getMessage());
        }
        if (!settings.reportBatchItemFailures() || response == null) return new Outcome(-1, false, null);
        JsonNode failures = Json.read(response).path("batchItemFailures");
        if (!failures.isArray() || failures.isEmpty()) return new Outcome(-1, false, null);
        int first = Integer.MAX_VALUE;
        for (JsonNode failure : failures) {
            String sequenceNumber = failure.path("itemIdentifier").asText("");
            int index = indexOf(records, sequenceNumber);
            // A response naming no record of the batch fails the whole batch, as in Lambda.
            if (index < 0) return new Outcome(0, false, "batchItemFailures named " + sequenceNumber + ", not a record of the batch");
            first = Math.min(first, index);
        }
        return new Outcome(first, false, "the function reported record " + records.get(first).dynamodb().sequenceNumber() + " as failed");
    }

    private static int indexOf(List<Record> records, String sequenceNumber) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) return i;
        }
        return -1;
    }

    private ObjectNode event(List<Record> records) {
        ObjectNode event = Json.object();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) array.add(recordJson(record));
        return event;
    }

    /** One stream record as Lambda passes it (and as its event filters see it). */
    private ObjectNode recordJson(Record record) {
        ObjectNode entry = Json.object();
        entry.put("eventID", record.eventID());
        entry.put("eventName", record.eventNameAsString());
        entry.put("eventVersion", "1.1");
        entry.put("eventSource", "aws:dynamodb");
        entry.put("awsRegion", region);
        ObjectNode dynamodb = entry.putObject("dynamodb");
        var change = record.dynamodb();
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        if (change.hasKeys()) dynamodb.set("Keys", StreamImages.toJson(change.keys()));
        if (change.hasNewImage()) dynamodb.set("NewImage", StreamImages.toJson(change.newImage()));
        if (change.hasOldImage()) dynamodb.set("OldImage", StreamImages.toJson(change.oldImage()));
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) dynamodb.put("SizeBytes", change.sizeBytes());
        dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        entry.put("eventSourceARN", streamArn);
        return entry;
    }

    /** What Lambda sends to an on-failure destination of a stream: where the batch was, and why it failed. */
    private void sendToFailureDestination(String shardId, List<Record> records, Outcome outcome) {
        System.err.println("[stream " + settings.tableName() + " → " + functionLogicalId() + "] gave up on " + records.size()
                + " record(s) of shard " + shardId + ": " + outcome.reason());
        if (settings.onFailureQueueUrl() == null) return;
        ObjectNode message = Json.object();
        ObjectNode context = message.putObject("requestContext");
        context.put("requestId", java.util.UUID.randomUUID().toString());
        context.put("functionArn", function.definition().arn());
        context.put("condition", outcome.functionError() ? "RetryAttemptsExhausted" : "RetryAttemptsExhausted");
        context.put("approximateInvokeCount", settings.maximumRetryAttempts() + 1);
        ObjectNode responseContext = message.putObject("responseContext");
        responseContext.put("functionError", outcome.functionError() ? "Unhandled" : "");
        responseContext.put("reason", outcome.reason());
        message.put("version", "1.0");
        message.put("timestamp", java.time.Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", records.getFirst().dynamodb().sequenceNumber());
        info.put("endSequenceNumber", records.getLast().dynamodb().sequenceNumber());
        info.put("batchSize", records.size());
        info.put("streamArn", streamArn);
        sqs.sendMessage(b -> b.queueUrl(settings.onFailureQueueUrl()).messageBody(Json.write(message)));
    }

    private void checkpoint(String shardId, Record last) {
        checkpoints.put(shardId, last.dynamodb().sequenceNumber());
        writeCheckpoints();
    }

    private Map<String, String> readCheckpoints(String arn) {
        if (!Files.exists(checkpointFile)) return Map.of();
        try {
            JsonNode saved = Json.read(Files.readString(checkpointFile));
            // A table created anew has a new stream; where the old one got to means nothing for it.
            if (!arn.equals(saved.path("streamArn").asText())) return Map.of();
            Map<String, String> shards = new LinkedHashMap<>();
            saved.path("shards").fields().forEachRemaining(entry -> shards.put(entry.getKey(), entry.getValue().asText()));
            return shards;
        } catch (IOException | RuntimeException e) {
            System.err.println("[stream " + functionLogicalId() + "] ignoring unreadable checkpoints " + checkpointFile + ": " + e.getMessage());
            return Map.of();
        }
    }

    private void writeCheckpoints() {
        ObjectNode saved = Json.object();
        saved.put("streamArn", streamArn);
        ObjectNode shards = saved.putObject("shards");
        checkpoints.forEach(shards::put);
        try {
            Files.createDirectories(checkpointFile.getParent());
            Path temporary = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(saved));
            Files.move(temporary, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration backoff(int retry) {
        long millis = FIRST_RETRY.toMillis() << Math.min(retry - 1, 10);
        return Duration.ofMillis(Math.min(millis, LONGEST_RETRY.toMillis()));
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Stops polling; a batch being retried is abandoned, so it is read again after the next start. */
    @Override
    public void close() {
        running.set(false);
        poller.interrupt();
    }
}
