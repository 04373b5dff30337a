package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.config.Env;
import app.domus.shared.json.Json;
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

/**
 * The channel sync queue (batches of one): syncs the message's channel ({@link ChannelSync}). A failing channel is
 * recorded in its health and its breaker, not retried by the queue (the next run or a manager's sync-now tries again);
 * a message that names no channel goes to the DLQ at once with its reason; an error of the platform's own (DynamoDB)
 * is reported as the batch item's failure, retried, and after five receives dead-lettered.
 */
public class SyncChannelHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncChannelHandler.class);
    private final Priming priming = Priming.register(this);

    private final ChannelSync sync;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public SyncChannelHandler() {
        this(RentalsComponent.create());
    }

    private SyncChannelHandler(RentalsComponent wiring) {
        this(wiring.channelSync(), wiring.sqs(), Env.required("CHANNEL_SYNC_DLQ_URL"));
    }

    public SyncChannelHandler(ChannelSync sync, SqsClient sqs, String deadLetterQueueUrl) {
        this.sync = sync;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "sync-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    SyncRequests.Message request = Json.MAPPER.readValue(message.getBody(), SyncRequests.Message.class);
                    if (request.unitId() == null || request.channelId() == null) {
                        deadLetter(message, "not a sync request: unitId and channelId are required");
                        continue;
                    }
                    var channel = sync.channel(request.unitId(), request.channelId());
                    if (channel.isEmpty()) {
                        deadLetter(message, "no channel " + request.channelId() + " on unit " + request.unitId());
                        continue;
                    }
                    ChannelSync.Result result = sync.sync(channel.get());
                    LOG.info("Channel {} sync: {}", request.channelId(), result);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    deadLetter(message, "not JSON: " + e.getOriginalMessage());
                } catch (RuntimeException e) {
                    LOG.error("Sync message {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private void deadLetter(SQSEvent.SQSMessage message, String reason) {
        LOG.warn("Sync message {} dead-lettered: {}", message.getMessageId(), reason);
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(message.getBody()).messageAttributes(Map.of(
                "reason", MessageAttributeValue.builder().dataType("String").stringValue(reason).build(),
                "sourceMessageId", MessageAttributeValue.builder().dataType("String").stringValue(message.getMessageId()).build())));
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
