package app.domus.votes.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.TestContext;
import app.domus.shared.events.Outbox;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.EligibleUnit;
import app.domus.votes.vote.VoteItem;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

class VoteSchedulerTest {
    private final VotesFixture f = new VotesFixture();
    private final VoteSchedulerHandler handler = new VoteSchedulerHandler(f.scheduler);

    private Map<String, Integer> round() {
        return handler.handleRequest(new HashMap<>(Map.of("job", "votes")), new TestContext());
    }

    @Test
    void aScheduledVoteOpensAtItsStartWithTheOwnersOfThatMoment() {
        VoteItem vote = f.create(VotesFixture.settings("share", "1/2", false, false), "2026-03-03T09:00:00Z");
        String buyer = f.user("Bea Buyer");
        f.own(buyer, f.unit4, 1, 10);

        f.clock.set(Instant.parse("2026-03-03T08:59:59Z"));
        assertThat(round()).containsEntry("opened", 0);
        assertThat(f.votes.get(vote.getId()).getStatus()).isEqualTo(VoteItem.SCHEDULED);

        f.clock.set(Instant.parse("2026-03-03T09:00:30Z"));
        assertThat(round()).containsEntry("opened", 1).containsEntry("closed", 0);

        VoteItem opened = f.votes.get(vote.getId());
        assertThat(opened.getStatus()).isEqualTo(VoteItem.OPEN);
        assertThat(opened.getOpenedAt()).isEqualTo("2026-03-03T09:00:30Z");
        assertThat(opened.electorate()).extracting(EligibleUnit::getUnitId).contains(f.unit4.getId()).hasSize(5);
        assertThat(opened.getTotalWeight()).isEqualTo("11/10");
        assertThat(opened.getGsi2pk()).isEqualTo(VoteItem.DUE_TO_CLOSE);
        assertThat(opened.getGsi2sk()).isEqualTo(VotesFixture.END + "#" + vote.getId());
        assertThat(f.events.ofType("VoteOpened")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("voteId").asText()).isEqualTo(vote.getId());
            assertThat(e.payload().path("eligibleUnits").asInt()).isEqualTo(5);
        });
        assertThat(f.cast(buyer, vote, "o1", null).first()).isTrue();

        assertThat(round()).containsEntry("opened", 0);
        assertThat(f.events.ofType("VoteOpened")).hasSize(1);
    }

    @Test
    void anOpenVoteClosesAtItsEndAndAnnouncesTheResultOnce() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        VoteItem other = f.openVote("share", "1/2", false, false);
        f.cast(f.owner1, vote, "o1", null);
        f.cast(f.owner3, vote, "o1", f.unit3.getId());

        f.clock.set(Instant.parse(VotesFixture.END).minusSeconds(1));
        assertThat(round()).containsEntry("closed", 0);

        f.clock.set(Instant.parse(VotesFixture.END));
        assertThat(round()).containsEntry("closed", 2);

        VoteItem closed = f.votes.get(vote.getId());
        assertThat(closed.getStatus()).isEqualTo(VoteItem.CLOSED);
        assertThat(closed.getClosedAt()).isEqualTo(VotesFixture.END);
        assertThat(closed.getGsi2pk()).isNull();
        assertThat(f.events.ofType("VoteClosed")).hasSize(2).anySatisfy(e -> {
            assertThat(e.payload().path("voteId").asText()).isEqualTo(vote.getId());
            assertThat(e.payload().path("quorumReached").asBoolean()).isTrue();
        }).anySatisfy(e -> {
            assertThat(e.payload().path("voteId").asText()).isEqualTo(other.getId());
            assertThat(e.payload().path("quorumReached").asBoolean()).isFalse();
        });

        f.advance(Duration.ofMinutes(1));
        assertThat(round()).containsEntry("closed", 0);
        assertThat(f.events.ofType("VoteClosed")).hasSize(2);
    }

    @Test
    void aRoundThatStoppedAfterClosingIsFinishedByTheNext() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        VoteItem closedButUnannounced = f.votes.get(vote.getId());
        closedButUnannounced.setStatus(VoteItem.CLOSED);
        closedButUnannounced.setClosedAt(VotesFixture.END);
        f.table.of(VoteItem.class).updateItem(closedButUnannounced);
        f.clock.set(Instant.parse(VotesFixture.END).plusSeconds(60));

        assertThat(round()).containsEntry("closed", 1);

        assertThat(f.events.ofType("VoteClosed")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("closedAt").asText()).isEqualTo(VotesFixture.END));
        assertThat(f.votes.get(vote.getId()).getGsi2pk()).isNull();
    }

    @Test
    void aVoteWhoseTimesHaveBothPassedOpensAndThenCloses() {
        VoteItem vote = f.create(VotesFixture.settings("share", "1/2", false, false), "2026-03-03T09:00:00Z");
        f.clock.set(Instant.parse(VotesFixture.END).plus(Duration.ofHours(1)));

        round();
        round();

        assertThat(f.votes.get(vote.getId()).getStatus()).isEqualTo(VoteItem.CLOSED);
        assertThat(f.events.ofType("VoteOpened")).hasSize(1);
        assertThat(f.events.ofType("VoteClosed")).hasSize(1);
    }

    @Test
    void aFailureIsReportedAfterTheOtherVotesWereHandled() {
        VoteItem vote = f.openVote("share", "1/2", false, false);
        VoteItem healthy = f.openVote("share", "1/2", false, false);
        // The closing of one vote cannot be written (its transaction, outbox item included, fails).
        var failing = new Outbox(f.table, f.clock) {
            @Override
            public DomainEvent add(TransactWriteItemsEnhancedRequest.Builder transaction, String type, String organisationId,
                                   String aggregateId, Object payload) {
                if (aggregateId.equals(vote.getId())) throw new IllegalStateException("DynamoDB is throttling");
                return super.add(transaction, type, organisationId, aggregateId, payload);
            }
        };
        VoteScheduler scheduler = new VoteScheduler(f.table, f.votes, f.electorate, f.results, failing, f.clock);
        f.clock.set(Instant.parse(VotesFixture.END));

        assertThatThrownBy(scheduler::run).isInstanceOf(IllegalStateException.class);

        assertThat(f.events.ofType("VoteClosed")).singleElement()
                .satisfies(e -> assertThat(e.payload().path("voteId").asText()).isEqualTo(healthy.getId()));
        assertThat(f.votes.get(vote.getId()).getGsi2pk()).as("still to do").isEqualTo(VoteItem.DUE_TO_CLOSE);
        assertThat(f.scheduler.run().closed()).isEqualTo(1);
    }
}
