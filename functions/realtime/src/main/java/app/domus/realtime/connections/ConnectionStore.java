package app.domus.realtime.connections;

import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.http.ApiException;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.persistence.TableItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The open connections and what each follows. DynamoDB deletes expired items only eventually, so every read
 * ignores what has outlived its connection.
 */
@Singleton
public class ConnectionStore {
    /** API Gateway closes a WebSocket connection after two hours whatever happens on it. */
    public static final Duration CONNECTION_LIFETIME = Duration.ofHours(2);
    /** A client follows the few things on its screen; more than this is a runaway client (its personal topic aside). */
    public static final int MAX_TOPICS_PER_CONNECTION = 20;

    private final DomusTable table;
    private final Clock clock;

    @Inject
    public ConnectionStore(DomusTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    public ConnectionItem open(String connectionId, String userId) {
        Instant now = clock.instant();
        ConnectionItem connection = new ConnectionItem();
        connection.setPk(ConnectionItem.pk(connectionId));
        connection.setSk(ConnectionItem.SK);
        connection.setConnectionId(connectionId);
        connection.setUserId(userId);
        connection.setConnectedAt(now.toString());
        connection.setTtl(now.plus(CONNECTION_LIFETIME).getEpochSecond());
        try {
            table.of(ConnectionItem.class).putItem(connection);
        } catch (ConditionalCheckFailedException e) {
            // API Gateway retried $connect for the same connection: the first attempt's record stands.
            return find(connectionId).orElseThrow(() -> e);
        }
        followOwnTopic(connection);
        return connection;
    }

    /**
     * Every connection follows its user's personal topic ({@code user:<userId>}) from the start: what is sent there (a
     * new message, a typing indicator, a notification) reaches each device the user is online on, and a user with no
     * subscription there is offline.
     */
    private void followOwnTopic(ConnectionItem connection) {
        subscribe(connection, LiveTopicItem.of(LiveUpdates.userTopic(connection.getUserId()), null, null, connection.getConnectedAt()));
    }

    public Optional<ConnectionItem> find(String connectionId) {
        return table.get(ConnectionItem.class, ConnectionItem.pk(connectionId), ConnectionItem.SK).filter(this::live);
    }

    /** Follows the topic (again: following twice is following once), within the per-connection limit. */
    public SubscriptionItem subscribe(ConnectionItem connection, LiveTopicItem topic) {
        List<SubscriptionItem> current = subscriptions(connection.getConnectionId());
        Optional<SubscriptionItem> existing = current.stream().filter(s -> s.getTopic().equals(topic.getName())).findFirst();
        if (existing.isPresent()) return existing.get();
        if (current.stream().filter(s -> !LiveUpdates.isPersonal(s.getTopic())).count() >= MAX_TOPICS_PER_CONNECTION) {
            throw ApiException.conflict("A connection may follow at most " + MAX_TOPICS_PER_CONNECTION + " topics; unsubscribe first");
        }
        SubscriptionItem subscription = new SubscriptionItem();
        subscription.setPk(ConnectionItem.pk(connection.getConnectionId()));
        subscription.setSk(SubscriptionItem.sk(topic.getName()));
        subscription.setGsi1pk(SubscriptionItem.byTopic(topic.getName()));
        subscription.setGsi1sk(connection.getConnectionId());
        subscription.setConnectionId(connection.getConnectionId());
        subscription.setTopic(topic.getName());
        subscription.setUserId(connection.getUserId());
        subscription.setSubscribedAt(clock.instant().toString());
        subscription.setTtl(connection.getTtl());
        try {
            table.of(SubscriptionItem.class).putItem(subscription);
        } catch (ConditionalCheckFailedException e) {
            // The same subscribe arrived twice at once; one write is the subscription.
        }
        return subscription;
    }

    public void unsubscribe(String connectionId, String topic) {
        table.of(SubscriptionItem.class).deleteItem(key(ConnectionItem.pk(connectionId), SubscriptionItem.sk(topic)));
    }

    /** Forgets the connection and everything it followed. */
    public void close(String connectionId) {
        String pk = ConnectionItem.pk(connectionId);
        for (SubscriptionItem s : table.all(SubscriptionItem.class, pk, "TOPIC#")) {
            table.of(SubscriptionItem.class).deleteItem(key(pk, s.getSk()));
        }
        table.of(ConnectionItem.class).deleteItem(key(pk, ConnectionItem.SK));
    }

    /** The live connections following the topic. */
    public List<SubscriptionItem> subscribers(String topic) {
        return table.allInIndex(SubscriptionItem.class, TableItem.GSI1, SubscriptionItem.byTopic(topic)).stream()
                .filter(this::live).toList();
    }

    private List<SubscriptionItem> subscriptions(String connectionId) {
        return table.all(SubscriptionItem.class, ConnectionItem.pk(connectionId), "TOPIC#").stream().filter(this::live).toList();
    }

    private boolean live(TableItem item) {
        return item.getTtl() == null || item.getTtl() > clock.instant().getEpochSecond();
    }

    private static Key key(String pk, String sk) {
        return Key.builder().partitionValue(pk).sortValue(sk).build();
    }
}
