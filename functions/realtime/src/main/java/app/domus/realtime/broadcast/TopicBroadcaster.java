package app.domus.realtime.broadcast;

import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.shared.json.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ApiGatewayManagementApiException;

/**
 * Sends a message to every connection following a topic, several at once. A connection that answers 410 Gone has closed without
 * its {@code $disconnect} reaching us, and is forgotten. Any other failure is retried as a whole once every
 * connection has been tried: a message carries the topic's whole current state, so a repeat does no harm.
 */
@Singleton
public class TopicBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(TopicBroadcaster.class);
    private static final int GONE = 410;
    /** Posts in flight at once for one broadcast: the management API is called per connection. */
    static final int PARALLEL_POSTS = 16;

    private final ConnectionStore connections;
    private final ApiGatewayManagementApiClient managementApi;

    @Inject
    public TopicBroadcaster(ConnectionStore connections, ApiGatewayManagementApiClient managementApi) {
        this.connections = connections;
        this.managementApi = managementApi;
    }

    /**
     * Posts to the topic's connections, up to {@link #PARALLEL_POSTS} at once (a user's devices, a vote's followers).
     *
     * @return the number of connections the message reached
     */
    public int broadcast(String topic, Object message) {
        SdkBytes data = SdkBytes.fromString(Json.write(message), StandardCharsets.UTF_8);
        List<SubscriptionItem> subscribers = connections.subscribers(topic);
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        if (subscribers.size() <= 1) {
            subscribers.forEach(s -> post(s, data, delivered, failed));
        } else {
            Semaphore slots = new Semaphore(PARALLEL_POSTS);
            try (ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor()) {
                for (SubscriptionItem subscription : subscribers) {
                    posts.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            post(subscription, data, delivered, failed);
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
        }
        if (failed.get() > 0) throw new IllegalStateException(failed.get() + " connection(s) of " + topic + " could not be reached");
        return delivered.get();
    }

    private void post(SubscriptionItem subscription, SdkBytes data, AtomicInteger delivered, AtomicInteger failed) {
        try {
            managementApi.postToConnection(b -> b.connectionId(subscription.getConnectionId()).data(data));
            delivered.incrementAndGet();
        } catch (ApiGatewayManagementApiException e) {
            if (e.statusCode() == GONE) {
                connections.close(subscription.getConnectionId());
            } else {
                LOG.warn("Posting to connection {} failed with {}", subscription.getConnectionId(), e.statusCode());
                failed.incrementAndGet();
            }
        } catch (SdkException e) {
            LOG.warn("Posting to connection {} failed: {}", subscription.getConnectionId(), e.getMessage());
            failed.incrementAndGet();
        }
    }
}
