package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
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
 * The calendar sync queue: pulls the message's connection ({@link Onboarding#pull}: a poll refreshes and renews first). A message naming no connection goes
 * to the DLQ at once with its reason; a connection that needs consent again is passed over; a provider or platform
 * failure is the item's failure, tried again and after five receives dead-lettered.
 */
public class SyncCalendarHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, Priming.Primeable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCalendarHandler.class);
    private final Priming priming = Priming.register(this);

    private final Connections connections;
    private final Onboarding onboarding;
    private final SqsClient sqs;
    private final String deadLetterQueueUrl;

    public SyncCalendarHandler() {
        this(CalendarComponent.create());
    }

    private SyncCalendarHandler(CalendarComponent wiring) {
        this(wiring.connections(), wiring.onboarding(), wiring.sqs(), Env.required("CALENDAR_SYNC_DLQ_URL"));
    }

    public SyncCalendarHandler(Connections connections, Onboarding onboarding, SqsClient sqs, String deadLetterQueueUrl) {
        this.connections = connections;
        this.onboarding = onboarding;
        this.sqs = sqs;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent batch, Context context) {
        return Observability.invocation(context, "calendar-sync-" + (context == null ? "local" : context.getAwsRequestId()), () -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : batch.getRecords()) {
                try {
                    SyncRequests.Message request = Json.MAPPER.readValue(message.getBody(), SyncRequests.Message.class);
                    if (request.connectionId() == null) {
                        deadLetter(message, "not a sync request: connectionId is required");
                        continue;
                    }
                    ConnectionItem connection = connections.connection(request.connectionId()).orElse(null);
                    if (connection == null) {
                        deadLetter(message, "no calendar connection " + request.connectionId());
                        continue;
                    }
                    if (!ConnectionItem.CONNECTED.equals(connection.getStatus())) {
                        LOG.info("Connection {} is {}: not pulled", connection.getId(), connection.getStatus());
                        continue;
                    }
                    LOG.info("Connection {} pulled ({}): {}", connection.getId(), request.reason(), onboarding.pull(connection, request.reason()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    deadLetter(message, "not JSON: " + e.getOriginalMessage());
                } catch (RuntimeException e) {
                    LOG.error("Calendar sync message {} failed; it will be retried and then dead-lettered", message.getMessageId(), e);
                    failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
                }
            }
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private void deadLetter(SQSEvent.SQSMessage message, String reason) {
        LOG.warn("Calendar sync message {} dead-lettered: {}", message.getMessageId(), reason);
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
