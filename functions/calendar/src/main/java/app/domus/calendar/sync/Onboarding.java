package app.domus.calendar.sync;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.providers.CalendarProvider;
import app.domus.calendar.providers.ProviderException;
import app.domus.shared.ids.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a consent: the connection stored, a watch channel opened on its calendar (notifications to the webhook),
 * the calendar's existing events imported. A provider failing after the code exchange does not undo the connection:
 * the quarter-hourly poll opens the channel and imports then. The quarter-hourly run queues one poll per connection
 * (the incremental pull for what a notification missed), which also refreshes an access token that would expire
 * before the next run and renews a channel that expires within a day.
 */
public class Onboarding {
    private static final Logger LOG = LoggerFactory.getLogger(Onboarding.class);
    static final Duration RENEW_AHEAD = Duration.ofDays(1);
    static final Duration TOKEN_AHEAD = Duration.ofMinutes(20);
    public static final String POLL = "poll";

    private final Connections connections;
    private final CalendarSync sync;
    private final SyncRequests queue;
    private final Clock clock;

    public Onboarding(Connections connections, CalendarSync sync, SyncRequests queue, Clock clock) {
        this.connections = connections;
        this.sync = sync;
        this.queue = queue;
        this.clock = clock;
    }

    public Map<String, Object> callback(String code, String state) {
        ConnectionItem connection = connections.complete(code, state);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("connected", true);
        answer.put("provider", connection.getProvider());
        answer.put("connectionId", connection.getId());
        try {
            connection = watch(connection);
            CalendarSync.Result imported = sync.sync(connection);
            answer.put("imported", imported.imported());
        } catch (ProviderException e) {
            LOG.warn("Connection {}: watch or import failed, the next run tries again: {}", connection.getId(), e.getMessage());
            answer.put("imported", null);
        }
        return answer;
    }

    ConnectionItem watch(ConnectionItem connection) {
        CalendarProvider provider = connections.provider(connection.getProvider());
        String channelId = connection.getId() + "-" + Ids.newId();
        String token = Ids.secret(24);
        CalendarProvider.Watch watch = connections.withAccess(connection,
                access -> provider.watch(access, connection.getCalendarId(), channelId, token,
                        connections.webhookUrl(connection.getProvider()) + "?connection=" + connection.getId()));
        return connections.update(connection.getId(), c -> {
            c.setChannelId(watch.channelId());
            c.setChannelTokenHash(Connections.sha256(token));
            c.setChannelResourceId(watch.resourceId());
            c.setChannelExpiresAt(watch.expiresAt().toString());
        });
    }

    /** The quarter-hourly run: one poll per connected calendar queued (each then done by its own invocation); returns how many. */
    public int everyQuarterHour() {
        List<SyncRequests.Message> pulls = new ArrayList<>();
        for (ConnectionItem connection : connections.all()) {
            if (ConnectionItem.CONNECTED.equals(connection.getStatus())) pulls.add(new SyncRequests.Message(connection.getId(), POLL));
        }
        queue.send(pulls);
        return pulls.size();
    }

    /**
     * One pull of a connection. A poll also refreshes an access token that would expire before the next run and renews
     * a channel due within a day (a failure there is logged, and the pull goes on).
     */
    public CalendarSync.Result pull(ConnectionItem connection, String reason) {
        if (POLL.equals(reason)) {
            try {
                connections.refreshIfExpiring(connection, TOKEN_AHEAD);
                if (connection.getChannelExpiresAt() == null || Instant.parse(connection.getChannelExpiresAt()).isBefore(clock.instant().plus(RENEW_AHEAD))) {
                    connection = watch(connection);
                }
            } catch (ProviderException e) {
                LOG.warn("Connection {}: refresh or channel renewal failed: {}", connection.getId(), e.getMessage());
            }
        }
        return sync.sync(connection);
    }
}
