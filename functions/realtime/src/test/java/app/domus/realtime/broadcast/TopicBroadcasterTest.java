package app.domus.realtime.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.realtime.RealtimeFixture;
import app.domus.realtime.connections.ConnectionItem;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.realtime.testing.ConnectionsDouble;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TopicBroadcasterTest {
    private final RealtimeFixture f = new RealtimeFixture();
    private final ConnectionsDouble api = new ConnectionsDouble();
    private final TopicBroadcaster broadcaster = new TopicBroadcaster(f.connections, api.client());

    @AfterEach
    void stop() {
        api.close();
    }

    private String following(String connectionId, String userId, String topic) {
        ConnectionItem connection = f.connections.open(connectionId, userId);
        f.connections.subscribe(connection, f.topics.get(topic));
        return connectionId;
    }

    @Test
    void everyConnectionFollowingTheTopicReceivesTheMessage() {
        String first = following("first+/=", f.owner, "vote:VOTE1");
        String second = following("second=", f.tenant, "vote:VOTE1");
        f.topic("vote:OTHER", f.buildingA1);
        String elsewhere = following("elsewhere=", f.manager, "vote:OTHER");

        int delivered = broadcaster.broadcast("vote:VOTE1", Map.of("type", "vote.tally", "voteId", "VOTE1"));

        assertThat(delivered).isEqualTo(2);
        // Compared as JSON: Map.of has no member order.
        assertThat(api.bodiesFor(first)).hasSize(1);
        assertThat(app.domus.shared.json.Json.tree(api.bodiesFor(first).get(0)))
                .isEqualTo(app.domus.shared.json.Json.tree("{\"type\":\"vote.tally\",\"voteId\":\"VOTE1\"}"));
        assertThat(api.bodiesFor(second)).hasSize(1);
        assertThat(api.bodiesFor(elsewhere)).isEmpty();
    }

    @Test
    void goneConnectionsAreForgottenAndTheOthersStillReached() {
        String gone = following("gone=", f.owner, "vote:VOTE1");
        String alive = following("alive=", f.tenant, "vote:VOTE1");
        api.gone(gone);

        assertThat(broadcaster.broadcast("vote:VOTE1", Map.of("n", 1))).isEqualTo(1);

        assertThat(f.connections.find(gone)).isEmpty();
        assertThat(f.subscriptionsOf("vote:VOTE1")).extracting(SubscriptionItem::getConnectionId).containsExactly(alive);
        assertThat(api.bodiesFor(alive)).hasSize(1);
    }

    @Test
    void anotherFailureIsReportedAfterEveryConnectionWasTried() {
        String broken = following("broken=", f.owner, "vote:VOTE1");
        String alive = following("alive=", f.tenant, "vote:VOTE1");
        api.broken(broken);

        assertThatThrownBy(() -> broadcaster.broadcast("vote:VOTE1", Map.of("n", 1))).isInstanceOf(IllegalStateException.class);

        assertThat(api.bodiesFor(alive)).hasSize(1);
        assertThat(f.connections.find(broken)).as("not gone, kept").isPresent();
    }

    @Test
    void expiredSubscriptionsAreSkipped() {
        following("old=", f.owner, "vote:VOTE1");
        f.clock.advance(Duration.ofHours(3));

        assertThat(broadcaster.broadcast("vote:VOTE1", Map.of("n", 1))).isZero();
        assertThat(api.posts).isEmpty();
    }

    @Test
    void aTopicNobodyFollowsReachesNobody() {
        assertThat(broadcaster.broadcast("vote:VOTE1", Map.of("n", 1))).isZero();
    }
}
