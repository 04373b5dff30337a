package app.domus.votes.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.broadcast.TopicBroadcaster;
import app.domus.realtime.connections.ConnectionStore;
import app.domus.realtime.connections.SubscriptionItem;
import app.domus.realtime.testing.ConnectionsDouble;
import app.domus.realtime.topics.Topics;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.TableItem;
import app.domus.shared.testing.TestContext;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.VoteItem;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveTallyHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final ConnectionsDouble api = new ConnectionsDouble();
    private final ConnectionStore connections = new ConnectionStore(f.table, f.clock);
    private final LiveTallyHandler handler = new LiveTallyHandler(f.idempotency,
            new LiveTally(f.votes, f.results, new TopicBroadcaster(connections, api.client())));
    private final VoteItem vote = f.openVote("share", "1/2", false, true);

    @AfterEach
    void stop() {
        api.close();
    }

    private String following(String connectionId, String userId) {
        connections.subscribe(connections.open(connectionId, userId), new Topics(f.table).get("vote:" + vote.getId()));
        return connectionId;
    }

    private static SQSEvent batch(String... bodies) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies[i]);
            messages.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    private String lastEvent(String type) {
        return Json.write(f.events.ofType(type).getLast());
    }

    @Test
    void afterEveryBallotFollowersReceiveTheWeightedTallies() {
        String watcher = following("watcher=", f.manager);
        String voter = following("voter+1/=", f.owner1);

        f.cast(f.owner1, vote, "o1", null);
        SQSBatchResponse response = handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(api.bodiesFor(watcher)).singleElement().satisfies(body -> {
            JsonNode message = Json.tree(body);
            assertThat(message.path("type").asText()).isEqualTo("vote.tally");
            assertThat(message.path("voteId").asText()).isEqualTo(vote.getId());
            assertThat(message.path("status").asText()).isEqualTo("open");
            assertThat(message.path("tallies").path(0).path("optionId").asText()).isEqualTo("o1");
            assertThat(message.path("tallies").path(0).path("weight").asText()).isEqualTo("1/4");
            assertThat(message.path("participation").path("ballots").asInt()).isEqualTo(1);
            assertThat(message.path("quorumReached").asBoolean()).isFalse();
            assertThat(body).as("a secret vote's tallies name no voter").doesNotContain(f.owner1).doesNotContain(f.unit1.getId());
        });
        assertThat(api.bodiesFor(voter)).hasSize(1);

        f.cast(f.owner3, vote, "o2", f.unit3.getId());
        handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext());

        JsonNode latest = Json.tree(api.bodiesFor(watcher).getLast());
        assertThat(latest.path("participation").path("weight").asText()).isEqualTo("5/8");
        assertThat(latest.path("quorumReached").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredBallotEventIsBroadcastOnce() {
        String watcher = following("watcher=", f.manager);
        f.cast(f.owner1, vote, "o1", null);
        String body = lastEvent("BallotCast");

        handler.handleRequest(batch(body), new TestContext());
        handler.handleRequest(batch(body), new TestContext());

        assertThat(api.bodiesFor(watcher)).hasSize(1);
    }

    @Test
    void goneConnectionsAreForgotten() {
        String gone = following("gone=", f.manager);
        String alive = following("alive=", f.owner1);
        api.gone(gone);
        f.cast(f.owner1, vote, "o1", null);

        handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext());

        assertThat(connections.find(gone)).isEmpty();
        assertThat(f.table.allInIndex(SubscriptionItem.class, TableItem.GSI1, SubscriptionItem.byTopic("vote:" + vote.getId())))
                .extracting(SubscriptionItem::getConnectionId).containsExactly(alive);
        assertThat(api.bodiesFor(alive)).hasSize(1);
    }

    @Test
    void theClosingSendsTheFinalTallies() {
        f.clock.set(Instant.parse(VotesFixture.END));
        f.scheduler.run();
        String watcher = following("watcher=", f.manager);

        handler.handleRequest(batch(lastEvent("VoteClosed")), new TestContext());

        assertThat(Json.tree(api.bodiesFor(watcher).getLast()).path("status").asText()).isEqualTo("closed");
    }

    @Test
    void anUnreachableConnectionHasTheMessageRetried() {
        String broken = following("broken=", f.manager);
        api.broken(broken);
        f.cast(f.owner1, vote, "o1", null);

        SQSBatchResponse response = handler.handleRequest(batch(lastEvent("BallotCast"), "garbage"), new TestContext());

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactlyInAnyOrder("m0", "m1");
    }
}
