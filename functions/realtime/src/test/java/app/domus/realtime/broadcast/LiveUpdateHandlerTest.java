package app.domus.realtime.broadcast;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.RealtimeFixture;
import app.domus.realtime.testing.ConnectionsDouble;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveUpdate;
import app.domus.shared.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live updates from the queue every context sends to, broadcast to the connections following their topic. */
class LiveUpdateHandlerTest {
    private final RealtimeFixture f = new RealtimeFixture();
    private final ConnectionsDouble api = new ConnectionsDouble();
    private final LiveUpdateHandler handler = new LiveUpdateHandler(f.topics, new TopicBroadcaster(f.connections, api.client()));

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
}
