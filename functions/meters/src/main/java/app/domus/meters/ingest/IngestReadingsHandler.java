package app.domus.meters.ingest;

import app.domus.meters.MetersComponent;
import app.domus.shared.config.Env;
import app.domus.shared.observability.Observability;
import app.domus.shared.snapstart.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Smart meters' readings from the readings queue (fed by the IoT rule and by the HTTP gateway ingestion), a batch at
 * a time ({@link ReadingIngestion}). A message that can never be stored (not JSON, an unknown device, another device's
 * topic) goes straight to the readings DLQ with its reason as the {@code reason} attribute, and the rest of the batch is
 * stored; one whose writes DynamoDB did not take is reported as a batch item failure and delivered again.
 */
public class IngestReadingsHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestReadingsHandler.class);

    private final Priming priming = Priming.register(this);
    private final ReadingIngestion ingestion;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public IngestReadingsHandler() {
        this(MetersComponent.create());
    }

    private IngestReadingsHandler(MetersComponent wiring) {
        this(wiring.ingestion(), wiring.sqs(), Env.required("READINGS_DLQ_URL"));
    }

    IngestReadingsHandler(ReadingIngestion ingestion, SqsClient sqs, String deadLetterQueueUrl) {
        this.ingestion = ingestion;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "readings-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<ReadingIngestion.Message> messages = new ArrayList<>();
            Map<String, SQSEvent.SQSMessage> byId = new java.util.HashMap<>();
            for (SQSEvent.SQSMessage m : batch.getRecords()) {
                messages.add(new ReadingIngestion.Message(m.getMessageId(), m.getBody()));
                byId.put(m.getMessageId(), m);
            }
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            List<ReadingIngestion.Result> results;
            try {
                results = ingestion.ingest(messages);
            } catch (RuntimeException e) {
                // Nothing was decided for any message (a read failed): all of them come again.
                LOG.error("A batch of {} readings failed; it will be delivered again", messages.size(), e);
                messages.forEach(m -> failures.add(failure(m.id())));
                return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
            }
            List<ReadingIngestion.Result> rejected = new ArrayList<>();
            int stored = 0, duplicates = 0;
            for (ReadingIngestion.Result result : results) {
                switch (result.kind()) {
                    case STORED -> stored++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected.add(result);
                    case RETRY -> failures.add(failure(result.messageId()));
                }
            }
            failures.addAll(deadLetter(rejected, byId));
            LOG.info("Readings: {} stored, {} duplicates, {} dead-lettered, {} to retry", stored, duplicates, rejected.size(), failures.size());
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    /** Sends the rejected messages to the DLQ with their reasons; those it could not send are retried instead. */
    private List<SQSBatchResponse.BatchItemFailure> deadLetter(List<ReadingIngestion.Result> rejected, Map<String, SQSEvent.SQSMessage> byId) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (int from = 0; from < rejected.size(); from += 10) {
            List<ReadingIngestion.Result> chunk = rejected.subList(from, Math.min(rejected.size(), from + 10));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                ReadingIngestion.Result r = chunk.get(i);
                LOG.warn("Reading message {} dead-lettered: {}", r.messageId(), r.reason());
                entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(byId.get(r.messageId()).getBody())
                        .messageAttributes(Map.of(
                                "reason", MessageAttributeValue.builder().dataType("String").stringValue(r.reason()).build(),
                                "sourceMessageId", MessageAttributeValue.builder().dataType("String").stringValue(r.messageId()).build()))
                        .build());
            }
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(entries));
                response.failed().forEach(f -> failures.add(failure(chunk.get(Integer.parseInt(f.id())).messageId())));
            } catch (RuntimeException e) {
                LOG.error("The readings DLQ did not take {} messages; they will be delivered again", chunk.size(), e);
                chunk.forEach(r -> failures.add(failure(r.messageId())));
            }
        }
        if (!rejected.isEmpty()) Observability.count("ReadingsDeadLettered");
        return failures;
    }

    private static SQSBatchResponse.BatchItemFailure failure(String messageId) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(messageId).build();
    }

    /** Before the snapshot: an empty batch through the pipeline (nothing is read or written). */
    @Override
    public void prime() {
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of());
        handleRequest(batch, Priming.context());
        Priming.warmPipeline();
    }
}
