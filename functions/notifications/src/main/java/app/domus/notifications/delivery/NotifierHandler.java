package app.domus.notifications.delivery;

import app.domus.shared.snapstart.Priming;
import app.domus.notifications.NotificationsComponent;
import app.domus.shared.idempotency.IdempotencyStore;
import app.domus.shared.json.Json;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.observability.Observability;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Consumes {@link NotificationRequest}s from the notification queue (sent there by {@code NotificationSender};
 * these are not domain events). Each request is delivered once per request id; a message that fails, or is
 * not a notification request at all, is reported in {@code batchItemFailures} so that only it is retried
 * and, after the queue's {@code maxReceiveCount}, dead-lettered.
 */
public class NotifierHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    /** SnapStart's hook; kept here because CRaC holds its resources weakly. */
    private final Priming priming = Priming.register(this);

    private static final Logger LOG = LoggerFactory.getLogger(NotifierHandler.class);
    static final String SCOPE = "notifier";
    /** Under the queue's 90 s visibility timeout: a crashed attempt frees the request before SQS redelivers it. */
    private static final Duration IN_PROGRESS_WINDOW = Duration.ofSeconds(60);

    private final IdempotencyStore idempotency;
    private final Notifier notifier;

    public NotifierHandler() {
        NotificationsComponent wiring = NotificationsComponent.create();
        this.idempotency = wiring.idempotency();
        this.notifier = wiring.notifier();
    }

    NotifierHandler(IdempotencyStore idempotency, Notifier notifier) {
        this.idempotency = idempotency;
        this.notifier = notifier;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        String batchId = "batch-" + (context == null ? "local" : context.getAwsRequestId());
        return Observability.invocation(context, batchId, () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    MDC.put(Observability.CORRELATION_ID, Observability.acceptOrCreate(correlationId(message)));
                    NotificationRequest request = Json.read(message.getBody(), NotificationRequest.class);
                    if (request == null || request.id() == null) throw new IllegalArgumentException("not a notification request");
                    idempotency.once(SCOPE, request.id(), message.getBody(), IN_PROGRESS_WINDOW, () -> {
                        notifier.deliver(request);
                        return "delivered";
                    });
                } catch (RuntimeException e) {
                    LOG.error("Notification message {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private static String correlationId(SQSEvent.SQSMessage message) {
        var attributes = message.getMessageAttributes();
        var attribute = attributes == null ? null : attributes.get("correlationId");
        return attribute == null ? null : attribute.getStringValue();
    }

    /** Before the snapshot: an empty batch through the whole pipeline. */
    @Override
    public void prime() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(java.util.List.of());
        handleRequest(empty, Priming.context());
    }
}
