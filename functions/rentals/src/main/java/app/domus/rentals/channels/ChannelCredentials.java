package app.domus.rentals.channels;

import java.util.Map;

/**
 * Where a channel's credentials live (an API key, a feed's secret address): Secrets Manager on AWS. They are written
 * when a channel is connected, read by the sync, and never returned by the API nor stored in the table.
 */
public interface ChannelCredentials {
    void save(String name, Map<String, String> credentials);

    Map<String, String> read(String name);

    /** The name of a channel's secret. */
    static String nameOf(String channelId) {
        return "domus/rentals/channels/" + channelId;
    }
}
