package app.domus.platform.outbox;

import app.domus.shared.snapstart.Priming;
import app.domus.platform.PlatformComponent;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the table's stream: publishes every new outbox item to the events topic. Records come in the order they were
 * written per key, and one aggregate's events share a key; so at the first failure the handler stops and reports
 * that record, and Lambda retries from it: nothing after it overtakes it. Anything else in the stream (every other
 * item's changes, and the outbox's own "published" updates) is passed over.
 */
public class PublishOutboxHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(PublishOutboxHandler.class);

    private final OutboxRelay relay;

    public PublishOutboxHandler() {
        this(PlatformComponent.create().outboxRelay());
    }

    PublishOutboxHandler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent batch, Context context) {
        return Observability.invocation(context, "stream-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            for (DynamodbEvent.DynamodbStreamRecord record : batch.getRecords()) {
                if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null) continue;
                Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
                if (image == null || !isOutboxItem(image)) continue;
                try {
                    relay.relay(OutboxRelay.Pending.of(toSdk(image)));
                } catch (RuntimeException e) {
                    LOG.error("Publishing outbox record {} failed; the stream retries from it", record.getDynamodb().getSequenceNumber(), e);
                    Observability.count("EventPublishFailures");
                    return new StreamsEventResponse(List.of(
                            new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber())));
                }
            }
            return new StreamsEventResponse(List.of());
        });
    }

    private static boolean isOutboxItem(Map<String, AttributeValue> image) {
        AttributeValue pk = image.get("pk");
        return pk != null && pk.getS() != null && pk.getS().startsWith(OutboxItem.PK_PREFIX);
    }

    /** The string attributes the relay reads, in the SDK's model. */
    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>();
        image.forEach((name, value) -> {
            if (value.getS() != null) item.put(name, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value.getS()));
        });
        return item;
    }

    /** Before the snapshot: an empty batch through the whole pipeline. */
    @Override
    public void prime() {
        DynamodbEvent empty = new DynamodbEvent();
        empty.setRecords(java.util.List.of());
        handleRequest(empty, Priming.context());
    }
}
