package app.domus.calendar.sync;

import app.domus.calendar.CalendarComponent;
import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.shared.config.Env;
import app.domus.shared.queue.QueueMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The calendar sync queue: pulls the message's connection ({@link Onboarding#pull}: a poll refreshes and renews first).
 * A message naming no connection goes to the DLQ at once with its reason; a connection that needs consent again is
 * passed over; a provider or platform failure is the item's failure, tried again and after five receives dead-lettered.
 */
public class SyncCalendarHandler extends QueueMessageHandler<SyncRequests.Message> {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCalendarHandler.class);

    private final Connections connections;
    private final Onboarding onboarding;

    public SyncCalendarHandler() {
        this(CalendarComponent.create());
    }

    private SyncCalendarHandler(CalendarComponent wiring) {
        this(wiring.connections(), wiring.onboarding(), wiring.sqs(), Env.required("CALENDAR_SYNC_DLQ_URL"));
    }

    public SyncCalendarHandler(Connections connections, Onboarding onboarding, SqsClient sqs, String deadLetterQueueUrl) {
        super(SyncRequests.Message.class, sqs, deadLetterQueueUrl);
        this.connections = connections;
        this.onboarding = onboarding;
    }

    @Override
    protected void handle(SyncRequests.Message request) {
        if (request.connectionId() == null) throw new Poison("not a sync request: connectionId is required");
        ConnectionItem connection = connections.connection(request.connectionId())
                .orElseThrow(() -> new Poison("no calendar connection " + request.connectionId()));
        if (!ConnectionItem.CONNECTED.equals(connection.getStatus())) {
            LOG.info("Connection {} is {}: not pulled", connection.getId(), connection.getStatus());
            return;
        }
        LOG.info("Connection {} pulled ({}): {}", connection.getId(), request.reason(), onboarding.pull(connection, request.reason()));
    }
}
