package app.domus.shared.notify;

import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.json.Json;
import app.domus.shared.observability.Observability;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Hands notification requests to the notifier's queue: the one way every flow sends email, SMS and push. */
@Singleton
public class NotificationSender {
    private final SqsClient sqs;
    private final PlatformConfig config;

    @Inject
    public NotificationSender(SqsClient sqs, PlatformConfig config) {
        this.sqs = sqs;
        this.config = config;
    }

    public void send(NotificationRequest request) {
        sqs.sendMessage(b -> b.queueUrl(config.notificationQueueUrl())
                .messageBody(Json.write(request))
                .messageAttributes(Map.of("correlationId", MessageAttributeValue.builder()
                        .dataType("String").stringValue(Observability.correlationId()).build())));
    }
}
