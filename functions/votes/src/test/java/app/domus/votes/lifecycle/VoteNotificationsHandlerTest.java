package app.domus.votes.lifecycle;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.TestContext;
import app.domus.votes.VotesFixture;
import app.domus.votes.vote.CreateVoteRequest;
import app.domus.votes.vote.VoteItem;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoteNotificationsHandlerTest {
    private final VotesFixture f = new VotesFixture();
    private final VoteNotificationsHandler handler = new VoteNotificationsHandler(f.idempotency, f.notifier);

    private String lastEvent(String type) {
        List<DomainEvent> events = f.events.ofType(type);
        return Json.write(events.getLast());
    }

    private VoteItem createdAndKept(String settings, String startsAt) {
        return f.votes.create(f.buildingA1, VotesFixture.caller(f.manager),
                Json.read(f.voteBody(settings, startsAt), CreateVoteRequest.class));
    }

    @Test
    void everyOwnerOfAnOpenedVoteIsToldOnceThatTheyMayVote() {
        VoteItem vote = createdAndKept(VotesFixture.settings("share", "1/2", false, false), null);

        SQSBatchResponse response = handler.handleRequest(batch(lastEvent("VoteCreated")), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(f.notifications.sent).extracting(NotificationRequest::userId)
                .containsExactlyInAnyOrder(f.owner1, f.coOwnerA, f.coOwnerB, f.owner3);
        assertThat(f.notifications.sent).allSatisfy(n -> {
            assertThat(n.category()).isEqualTo(Category.VOTES);
            assertThat(n.template()).isEqualTo("vote-open");
            assertThat(n.id()).isEqualTo("vote-open-" + vote.getId() + "-" + n.userId());
            assertThat(n.data()).containsEntry("title", "New roof").containsEntry("building", "Linden Court")
                    .containsEntry("endDate", VotesFixture.END).containsEntry("voteId", vote.getId());
        });
    }

    @Test
    void aRedeliveredEventNotifiesNobodyTwice() {
        createdAndKept(VotesFixture.settings("share", "1/2", false, false), null);
        String body = lastEvent("VoteCreated");

        handler.handleRequest(batch(body), new TestContext());
        handler.handleRequest(batch(body, body), new TestContext());

        assertThat(f.notifications.sent).hasSize(4);
    }

    @Test
    void aScheduledVoteIsAnnouncedToTodaysOwnersAndOpenedLater() {
        VoteItem vote = createdAndKept(VotesFixture.settings("share", "1/2", false, false), "2026-03-03T09:00:00Z");
        handler.handleRequest(batch(lastEvent("VoteCreated")), new TestContext());

        assertThat(f.notifications.ofTemplate("vote-announced")).hasSize(4).allSatisfy(n ->
                assertThat(n.data()).containsEntry("startsAt", "2026-03-03T09:00:00Z").containsEntry("endDate", VotesFixture.END));

        f.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        f.scheduler.run();
        handler.handleRequest(batch(lastEvent("VoteOpened")), new TestContext());

        assertThat(f.notifications.ofTemplate("vote-open")).extracting(NotificationRequest::id)
                .contains("vote-open-" + vote.getId() + "-" + f.owner1).hasSize(4);
    }

    @Test
    void whenTheVoteClosesItsOwnersHearTheResult() {
        VoteItem vote = createdAndKept(VotesFixture.settings("share", "1/2", false, false), null);
        f.cast(f.owner1, vote, "o1", null);
        f.cast(f.owner3, vote, "o2", f.unit3.getId());
        f.clock.set(Instant.parse(VotesFixture.END));
        f.scheduler.run();

        SQSBatchResponse response = handler.handleRequest(batch(lastEvent("VoteClosed")), new TestContext());

        assertThat(failed(response)).isEmpty();
        assertThat(f.notifications.ofTemplate("vote-closed")).hasSize(4).allSatisfy(n -> assertThat(n.data())
                .containsEntry("results", "Yes: 25.00 % (1 ballot)\nNo: 37.50 % (1 ballot)\nAbstain: 0.00 % (0 ballots)")
                .containsEntry("participation", "2 of 4 units, 62.50 % of the weight")
                .containsEntry("quorum", "50.00 %")
                .containsEntry("quorumOutcome", "reached"));
    }

    @Test
    void poisonMessagesFailAloneAndOtherEventsAreAcknowledged() {
        createdAndKept(VotesFixture.settings("share", "1/2", false, false), null);
        String unrelated = Json.write(DomainEvent.of("UnitCreated", f.orgA, Json.MAPPER.valueToTree(Map.of("unitId", "U1")),
                f.clock.instant()));
        String unknownVote = Json.write(DomainEvent.of("VoteClosed", f.orgA, Json.MAPPER.valueToTree(Map.of("voteId", "NOSUCHVOTE")),
                f.clock.instant()));

        SQSBatchResponse response = handler.handleRequest(batch("not json {", lastEvent("VoteCreated"), "{\"a\":1}", unrelated,
                unknownVote), new TestContext());

        assertThat(failed(response)).containsExactlyInAnyOrder("m0", "m2", "m4");
        assertThat(f.notifications.sent).hasSize(4);
    }
}
