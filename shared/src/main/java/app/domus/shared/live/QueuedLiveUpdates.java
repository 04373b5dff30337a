package app.domus.shared.live;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.observability.Observability;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * {@link LiveUpdates} through the live-updates queue ({@code LIVE_UPDATES_QUEUE_URL}), which the realtime context's
 * broadcaster consumes. A queue rather than a call keeps the sender free of the WebSocket API and its connections.
 */
@Singleton
public class QueuedLiveUpdates implements LiveUpdates {
    private final SqsClient sqs;
    private final PlatformConfig config;
    private final Clock clock;

    @Inject
    public QueuedLiveUpdates(SqsClient sqs, PlatformConfig config, Clock clock) {
        this.sqs = sqs;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void send(String topic, Object message) {
        enqueue(new LiveUpdate(topic, clock.millis(), Json.MAPPER.valueToTree(message)));
    }

    @Override
    public void sendOrNotify(String topic, Object message, NotificationRequest otherwise) {
        enqueue(new LiveUpdate(topic, clock.millis(), Json.MAPPER.valueToTree(message), otherwise));
    }

    private void enqueue(LiveUpdate update) {
        sqs.sendMessage(b -> b.queueUrl(config.liveUpdatesQueueUrl()).messageBody(Json.write(update))
                .messageAttributes(Map.of("correlationId", MessageAttributeValue.builder()
                        .dataType("String").stringValue(Observability.correlationId()).build())));
    }
}
