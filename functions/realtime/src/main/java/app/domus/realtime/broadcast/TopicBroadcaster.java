package app.domus.realtime.broadcast;

import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.shared.json.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

/**
 * Sends a message to every connection following a topic. A connection that answers 410 Gone has closed without
 * its {@code $disconnect} reaching us, and is forgotten. Any other failure is retried as a whole once every
 * connection has been tried: a message carries the topic's whole current state, so a repeat does no harm.
 */
@Singleton
public class TopicBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBroadcaster.class);
    private static final int GONE = 410;

    private final ConnectionStore connections;
    private final ApiGatewayManagementApiClient managementApi;

    @Inject
    public TopicBroadcaster(ConnectionStore connections, ApiGatewayManagementApiClient managementApi) {
        this.connections = connections;
        this.managementApi = managementApi;
    }

    /** @return the number of connections the message reached */
    public int broadcast(String topic, Object message) {
        SdkBytes data = SdkBytes.fromString(Json.write(message), StandardCharsets.UTF_8);
        int delivered = 0;
        int failed = 0;
        for (SubscriptionItem subscription : connections.subscribers(topic)) {
            try {
                managementApi.postToConnection(b -> b.connectionId(subscription.getConnectionId()).data(data));
                delivered++;
            } catch (ApiGatewayManagementApiException e) {
                if (e.statusCode() == GONE) {
                    connections.close(subscription.getConnectionId());
                } else {
                    LOG.warn("Posting to connection {} failed with {}", subscription.getConnectionId(), e.statusCode());
                    failed++;
                }
            } catch (SdkException e) {
                LOG.warn("Posting to connection {} failed: {}", subscription.getConnectionId(), e.getMessage());
                failed++;
            }
        }
        if (failed > 0) throw new IllegalStateException(failed + " connection(s) of " + topic + " could not be reached");
        return delivered;
    }
}
