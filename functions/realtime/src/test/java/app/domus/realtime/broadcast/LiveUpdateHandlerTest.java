package app.domus.realtime.broadcast;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.RealtimeFixture;
import app.domus.realtime.testing.ConnectionsDouble;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveUpdate;
import app.domus.shared.live.LiveUpdates;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live updates from the queue every context sends to, broadcast to the connections following their topic. */
class LiveUpdateHandlerTest {
    private final RealtimeFixture f = new RealtimeFixture();
    private final ConnectionsDouble api = new ConnectionsDouble();
    private final LiveUpdateHandler handler = new LiveUpdateHandler(f.topics, new TopicBroadcaster(f.connections, api.client()), f.notifications);

    @AfterEach
    void stop() {
        api.close();
    }

    private String following(String connectionId, String userId, String topic) {
        f.connections.subscribe(f.connections.open(connectionId, userId), f.topics.get(topic));
        return connectionId;
    }

    private static String update(String topic, long sentAt, int n) {
        return Json.write(new LiveUpdate(topic, sentAt, Json.MAPPER.valueToTree(Map.of("type", "vote.tally", "n", n))));
    }

    @Test
    void anUpdateReachesEveryConnectionFollowingItsTopicAndNoOther() {
        String first = following("first=", f.owner, "vote:VOTE1");
        String second = following("second=", f.tenant, "vote:VOTE1");
        f.topic("vote:OTHER", f.buildingA1);
        String elsewhere = following("elsewhere=", f.manager, "vote:OTHER");

        assertThat(failed(handler.handleRequest(batch(update("vote:VOTE1", 1_000, 1)), new TestContext()))).isEmpty();

        assertThat(api.bodiesFor(first)).singleElement()
                .satisfies(body -> assertThat(Json.tree(body)).isEqualTo(Json.tree("{\"type\":\"vote.tally\",\"n\":1}")));
        assertThat(api.bodiesFor(second)).hasSize(1);
        assertThat(api.bodiesFor(elsewhere)).isEmpty();
    }

    @Test
    void anUpdateOlderThanTheLastOneSentOnItsTopicIsDropped() {
        String watcher = following("watcher=", f.manager, "vote:VOTE1");

        var response = handler.handleRequest(batch(update("vote:VOTE1", 2_000, 2), update("vote:VOTE1", 1_000, 1)),
                new TestContext());
        handler.handleRequest(batch(update("vote:VOTE1", 3_000, 3)), new TestContext());

        assertThat(failed(response)).as("an overtaken update is no failure").isEmpty();
        assertThat(api.bodiesFor(watcher)).extracting(body -> Json.tree(body).path("n").asInt()).containsExactly(2, 3);
    }

    @Test
    void aMalformedMessageIsReportedAsABatchItemFailureAndTheOthersStillGoOut() {
        String watcher = following("watcher=", f.manager, "vote:VOTE1");

        var response = handler.handleRequest(batch("garbage", "{\"topic\":\"vote:VOTE1\",\"sentAt\":5}",
                update("vote:VOTE1", 1_000, 1)), new TestContext());

        assertThat(failed(response)).containsExactly("m0", "m1");
        assertThat(api.bodiesFor(watcher)).hasSize(1);
    }

    @Test
    void aConnectionThatCannotBeReachedHasTheUpdateRetried() {
        String broken = following("broken=", f.manager, "vote:VOTE1");
        api.broken(broken);

        assertThat(failed(handler.handleRequest(batch(update("vote:VOTE1", 1_000, 1)), new TestContext()))).containsExactly("m0");
    }

    private static String personal(String userId, long sentAt, int n, boolean withNotification) {
        NotificationRequest otherwise = withNotification
                ? new NotificationRequest("message-" + n + "#" + userId, userId, null, Category.MESSAGES, "message-received", Map.of("n", "" + n))
                : null;
        return Json.write(new LiveUpdate(LiveUpdates.userTopic(userId), sentAt, Json.MAPPER.valueToTree(Map.of("type", "message", "n", n)), otherwise));
    }

    @Test
    void everyUpdateOfAPersonalTopicGoesOutToEachOfTheUsersConnectionsWhateverItsOrder() {
        String phone = f.connections.open("phone=", f.owner).getConnectionId();
        String laptop = f.connections.open("laptop=", f.owner).getConnectionId();
        String someoneElse = f.connections.open("else=", f.tenant).getConnectionId();

        var response = handler.handleRequest(batch(personal(f.owner, 2_000, 2, true), personal(f.owner, 1_000, 1, true)), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(api.bodiesFor(phone)).extracting(body -> Json.tree(body).path("n").asInt()).containsExactly(2, 1);
        assertThat(api.bodiesFor(laptop)).hasSize(2);
        assertThat(api.bodiesFor(someoneElse)).isEmpty();
        assertThat(f.notifications.sent).as("online: no push").isEmpty();
    }

    @Test
    void anUpdateThatReachesNoConnectionHasItsNotificationSentInstead() {
        f.connections.open("tenant=", f.tenant);

        handler.handleRequest(batch(personal(f.owner, 1_000, 1, true), personal(f.manager, 1_000, 2, false)), new TestContext());

        assertThat(f.notifications.sent).singleElement().satisfies(n -> {
            assertThat(n.userId()).isEqualTo(f.owner);
            assertThat(n.id()).isEqualTo("message-1#" + f.owner);
        });
    }

    @Test
    void aGoneConnectionIsForgottenAndItsUserNotifiedInstead() {
        String stale = f.connections.open("stale=", f.owner).getConnectionId();
        api.gone(stale);

        assertThat(failed(handler.handleRequest(batch(personal(f.owner, 1_000, 1, true)), new TestContext()))).isEmpty();

        assertThat(f.connections.find(stale)).isEmpty();
        assertThat(f.subscriptionsOf(LiveUpdates.userTopic(f.owner))).isEmpty();
        assertThat(f.notifications.sent).extracting(NotificationRequest::userId).containsExactly(f.owner);
    }
}
