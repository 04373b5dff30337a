package app.domus.votes.live;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.json.Json;
import app.domus.shared.testing.TestContext;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.CreateVoteRequest;
import app.domus.votes.vote.VoteItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the live tally hands to the kernel's live-updates port; realtime's own tests cover the delivery. */
class LiveTallyHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final LiveTallyHandler handler = new LiveTallyHandler(f.idempotency, f.liveTally);
    private final VoteItem vote = f.openVote("share", "1/2", false, true);
    private final String topic = "vote:" + vote.getId();

    private String lastEvent(String type) {
        return Json.write(f.events.ofType(type).getLast());
    }

    @Test
    void afterEveryBallotTheVotesTopicGetsTheWeightedTallies() {
        f.cast(f.owner1, vote, "o1", null);
        assertThat(failed(handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext()))).isEmpty();

        assertThat(f.liveUpdates.sent).extracting(s -> s.topic()).containsExactly(topic);
        JsonNode message = f.liveUpdates.on(topic).getFirst();
        assertThat(message.path("type").asText()).isEqualTo("vote.tally");
        assertThat(message.path("voteId").asText()).isEqualTo(vote.getId());
        assertThat(message.path("status").asText()).isEqualTo("open");
        assertThat(message.path("tallies").path(0).path("optionId").asText()).isEqualTo("o1");
        assertThat(message.path("tallies").path(0).path("weight").asText()).isEqualTo("1/4");
        assertThat(message.path("participation").path("ballots").asInt()).isEqualTo(1);
        assertThat(message.path("quorumReached").asBoolean()).isFalse();
        assertThat(message.toString()).as("a secret vote's tallies name no voter")
                .doesNotContain(f.owner1).doesNotContain(f.unit1.getId());

        f.cast(f.owner3, vote, "o2", f.unit3.getId());
        handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext());

        JsonNode latest = f.liveUpdates.on(topic).getLast();
        assertThat(f.liveUpdates.on(topic)).hasSize(2);
        assertThat(latest.path("participation").path("weight").asText()).isEqualTo("5/8");
        assertThat(latest.path("quorumReached").asBoolean()).isTrue();
    }

    @Test
    void aRedeliveredBallotEventIsSentOnce() {
        f.cast(f.owner1, vote, "o1", null);
        String body = lastEvent("BallotCast");

        handler.handleRequest(batch(body), new TestContext());
        handler.handleRequest(batch(body), new TestContext());

        assertThat(f.liveUpdates.on(topic)).hasSize(1);
    }

    @Test
    void theClosingSendsTheFinalTallies() {
        f.clock.set(Instant.parse(VotesFixture.END));
        f.scheduler.run();

        handler.handleRequest(batch(lastEvent("VoteClosed")), new TestContext());

        assertThat(f.liveUpdates.on(topic)).singleElement()
                .satisfies(message -> assertThat(message.path("status").asText()).isEqualTo("closed"));
    }

    @Test
    void otherVoteEventsSendNothing() {
        VoteItem another = f.votes.create(f.buildingA1, VotesFixture.caller(f.manager),
                Json.read(f.voteBody(VotesFixture.settings("unit", "1/2", false, false), null), CreateVoteRequest.class));

        assertThat(failed(handler.handleRequest(batch(lastEvent("VoteCreated")), new TestContext()))).isEmpty();

        assertThat(f.liveUpdates.on("vote:" + another.getId())).isEmpty();
        assertThat(f.liveUpdates.sent).isEmpty();
    }

    @Test
    void anUnavailablePortOrAMalformedMessageHasOnlyThatMessageRetried() {
        f.cast(f.owner1, vote, "o1", null);
        f.liveUpdates.down = true;

        assertThat(failed(handler.handleRequest(batch(lastEvent("BallotCast"), "garbage"), new TestContext())))
                .containsExactlyInAnyOrder("m0", "m1");

        f.liveUpdates.down = false;
        assertThat(failed(handler.handleRequest(batch(lastEvent("BallotCast")), new TestContext()))).isEmpty();
        assertThat(f.liveUpdates.on(topic)).as("the retry goes out").hasSize(1);
    }
}
