package app.domus.rentals.channels;

import app.domus.rentals.RentalsComponent;
import app.domus.shared.config.Env;
import app.domus.shared.queue.QueueMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The channel sync queue (batches of one): syncs the message's channel ({@link ChannelSync}). A failing channel is
 * recorded in its health and its breaker, not retried by the queue (the next run or a manager's sync-now tries again);
 * a message that names no channel goes to the DLQ at once with its reason; an error of the platform's own (DynamoDB)
 * is reported as the batch item's failure, retried, and after five receives dead-lettered.
 */
public class SyncChannelHandler extends QueueMessageHandler<SyncRequests.Message> {
    private static final Logger LOG = LoggerFactory.getLogger(SyncChannelHandler.class);

    private final ChannelSync sync;

    public SyncChannelHandler() {
        this(RentalsComponent.create());
    }

    private SyncChannelHandler(RentalsComponent wiring) {
        this(wiring.channelSync(), wiring.sqs(), Env.required("CHANNEL_SYNC_DLQ_URL"));
    }

    public SyncChannelHandler(ChannelSync sync, SqsClient sqs, String deadLetterQueueUrl) {
        super(SyncRequests.Message.class, sqs, deadLetterQueueUrl);
        this.sync = sync;
    }

    @Override
    protected void handle(SyncRequests.Message request) {
        if (request.unitId() == null || request.channelId() == null) throw new Poison("not a sync request: unitId and channelId are required");
        var channel = sync.channel(request.unitId(), request.channelId())
                .orElseThrow(() -> new Poison("no channel " + request.channelId() + " on unit " + request.unitId()));
        LOG.info("Channel {} sync: {}", request.channelId(), sync.sync(channel));
    }
}
