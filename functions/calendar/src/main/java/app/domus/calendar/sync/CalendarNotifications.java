package app.domus.calendar.sync;

import app.domus.calendar.connect.ConnectionItem;
import app.domus.calendar.connect.Connections;
import app.domus.shared.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * A provider's push notification (Google's {@code events.watch} channel: {@code X-Goog-Channel-ID},
 * {@code X-Goog-Channel-Token}, {@code X-Goog-Resource-State}): the channel must be the connection's current one and
 * its token the one Domus gave it (kept as its SHA-256); then one sync request is queued. Any other channel is 404, so a
 * stranger learns nothing; the {@code sync} message that opens a channel queues nothing.
 */
public class CalendarNotifications {
    private final Connections connections;
    private final SyncRequests queue;

    public CalendarNotifications(Connections connections, SyncRequests queue) {
        this.connections = connections;
        this.queue = queue;
    }

    /**
     * @param connectionHint the {@code connection} query parameter of the channel's address (a Microsoft Graph
     *                       subscription's id is Graph's own); null to read it off Google's channel id, which Domus chose
     */
    public boolean notified(String provider, String connectionHint, String channelId, String channelToken, String resourceState) {
        if (channelId == null || channelToken == null || channelId.length() > 128) throw ApiException.notFound("The channel");
        String connectionId = connectionHint;
        if (connectionId == null) {
            if (!channelId.contains("-")) throw ApiException.notFound("The channel");
            connectionId = channelId.substring(0, channelId.lastIndexOf('-'));
        }
        if (connectionId.length() > 64) throw ApiException.notFound("The channel");
        ConnectionItem connection = connections.connection(connectionId).orElse(null);
        if (connection == null || !provider.equals(connection.getProvider()) || !channelId.equals(connection.getChannelId())
                || connection.getChannelTokenHash() == null
                || !MessageDigest.isEqual(connection.getChannelTokenHash().getBytes(StandardCharsets.US_ASCII),
                        Connections.sha256(channelToken).getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.notFound("The channel");
        }
        if ("sync".equals(resourceState)) return false;
        queue.send(List.of(new SyncRequests.Message(connectionId, "notification")));
        return true;
    }
}
