package app.domus.messaging.conversations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.messaging.MessagingFixture;
import app.domus.messaging.RefusedTransactions;
import app.domus.messaging.messages.MessageItem;
import app.domus.shared.directory.Role;
import app.domus.shared.http.ApiException;
import app.domus.shared.ids.Ids;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import org.junit.jupiter.api.Test;

/** Starting conversations within one organisation, and a person's conversations newest activity first. */
class ConversationsTest {
    private final MessagingFixture f = new MessagingFixture();
    private final CreateConversationHandler create = new CreateConversationHandler(f.idempotency, f.conversations);
    private final ListConversationsHandler list = new ListConversationsHandler(f.conversations);

    private static HttpEvents start(String who, String body) {
        return HttpEvents.request("POST", "/conversations").as(who).body(body);
    }

    @Test
    void twoPeopleMakeADirectConversationAndATitleOrMoreMakeAGroupWithTheCallerAlwaysIn() {
        var direct = call(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"]}"));
        assertThat(direct.getStatusCode()).as(direct.getBody()).isEqualTo(201);
        JsonNode body = json(direct);
        assertThat(body.path("kind").asText()).isEqualTo("direct");
        assertThat(body.path("organisationId").asText()).isEqualTo(f.orgA);
        assertThat(body.path("participantIds")).extracting(JsonNode::asText).containsExactly(f.tenant, f.manager);
        assertThat(body.path("unread").asInt()).isZero();

        JsonNode group = json(call(create, start(f.owner, "{\"participantIds\":[\"" + f.technician + "\",\"" + f.owner + "\"],\"title\":\"Lift\"}")));
        assertThat(group.path("kind").asText()).as("a title makes a group").isEqualTo("group");
        assertThat(group.path("participantIds")).hasSize(2);

        LiveTopicItem topic = f.table.get(LiveTopicItem.class, LiveTopicItem.pk("conversation:" + body.path("conversationId").asText()), LiveTopicItem.SK)
                .orElseThrow();
        assertThat(topic.getMemberIds()).containsExactly(f.tenant, f.manager);
    }

    @Test
    void twoPeopleHaveOneDirectConversationWhoeverStartsItAgain() {
        var first = call(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"]}"));
        assertThat(first.getStatusCode()).isEqualTo(201);
        String id = json(first).path("conversationId").asText();

        var again = call(create, start(f.manager, "{\"participantIds\":[\"" + f.tenant + "\"]}"));
        assertThat(again.getStatusCode()).as("the one they have").isEqualTo(200);
        assertThat(json(again).path("conversationId").asText()).isEqualTo(id);
        assertThat(json(call(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"title\":\"Keys\"}")))
                .path("conversationId").asText()).as("a titled one is a group of its own").isNotEqualTo(id);
        assertThat(json(call(list, HttpEvents.request("GET", "/conversations").as(f.manager))).path("items")).hasSize(2);
    }

    @Test
    void noOneStartsAConversationWithAnotherOrganisationsPeople() {
        f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.outsider + "\"]}"), 400, "validation-error");
        f.assertRefusedUnchanged(create, start(f.outsider, "{\"participantIds\":[\"" + f.tenant + "\"]}"), 400, "validation-error");
        f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.tenant + "\"]}"), 400, "validation-error");
        f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"organisationId\":\"" + f.orgB + "\"}"),
                404, "not-found");
        f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[]}"), 400, "validation-error");
    }

    @Test
    void myConversationsComeNewestActivityFirstWithMyUnreadCounts() {
        ConversationItem older = f.conversation(f.owner, f.tenant);
        f.clock.advance(java.time.Duration.ofMinutes(1));
        ConversationItem newer = f.conversation(f.owner, f.manager);
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.post(older, f.tenant, "first");
        f.clock.advance(java.time.Duration.ofMinutes(1));
        f.post(older, f.tenant, "second");

        JsonNode mine = json(call(list, HttpEvents.request("GET", "/conversations").as(f.owner)));
        assertThat(ids(mine)).containsExactly(older.getId(), newer.getId());
        assertThat(mine.path("items").get(0).path("unread").asInt()).isEqualTo(2);
        assertThat(mine.path("items").get(0).path("lastMessage").path("preview").asText()).isEqualTo("second");
        assertThat(mine.path("items").get(1).path("unread").asInt()).isZero();

        JsonNode theirs = json(call(list, HttpEvents.request("GET", "/conversations").as(f.tenant)));
        assertThat(ids(theirs)).containsExactly(older.getId());
        assertThat(theirs.path("items").get(0).path("unread").asInt()).as("one's own messages are read").isZero();

        JsonNode firstPage = json(call(list, HttpEvents.request("GET", "/conversations").query("limit", "1").as(f.owner)));
        assertThat(ids(firstPage)).containsExactly(older.getId());
        JsonNode secondPage = json(call(list, HttpEvents.request("GET", "/conversations").query("limit", "1")
                .query("cursor", firstPage.path("nextCursor").asText()).as(f.owner)));
        assertThat(ids(secondPage)).containsExactly(newer.getId());

        assertThat(ids(json(call(list, HttpEvents.request("GET", "/conversations").as(f.outsider))))).isEmpty();
    }

    @Test
    void aFaultsConversationOpensOnceWithItsReporterAndTheBuildingsManagersAndItsAssigneeJoins() {
        String faultId = app.domus.shared.ids.Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        f.conversations.join(faultId, f.technician);
        f.conversations.join(faultId, f.technician);

        ConversationItem conversation = f.conversations.find(faultId).orElseThrow();
        assertThat(conversation.getKind()).isEqualTo(ConversationItem.FAULT);
        assertThat(conversation.getFaultId()).isEqualTo(faultId);
        assertThat(conversation.getParticipantIds()).containsExactly(f.tenant, f.manager, f.technician);
        assertThat(f.table.get(LiveTopicItem.class, LiveTopicItem.pk("conversation:" + faultId), LiveTopicItem.SK).orElseThrow().getMemberIds())
                .containsExactly(f.tenant, f.manager, f.technician);
        assertThat(f.conversations.participation(caller(f.technician), faultId).me().getUserId()).isEqualTo(f.technician);
        assertThat(ids(json(call(list, HttpEvents.request("GET", "/conversations").as(f.managerOfA2))))).as("another building's manager").isEmpty();
    }

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstGroupBackAndStartsNoOther() {
        IdempotentCreates.assertKeyedCreate(create,
                () -> start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\",\"" + f.owner + "\"],\"title\":\"Lift\"}"),
                () -> start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"title\":\"Bins\"}"),
                () -> ids(json(call(list, HttpEvents.request("GET", "/conversations").as(f.tenant)))).size(), "groups");
    }

    @Test
    void aBodyIsRefusedNamingEachFieldItGetsWrong() {
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{}"), 400, "validation-error")))
                .containsExactly("participantIds");
        String fiftyTimesTheManager = String.join(",", Collections.nCopies(ConversationService.MAX_PARTICIPANTS, "\"" + f.manager + "\""));
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[" + fiftyTimesTheManager + "]}"),
                400, "validation-error"))).as("more names than a conversation holds, even the same one").containsExactly("participantIds");
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\",\"not an id\"]}"),
                400, "validation-error"))).containsExactly("participantIds[1]");
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"title\":\"<b>Lift</b>\"}"),
                400, "validation-error"))).containsExactly("title");
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"title\":\"" + "x".repeat(121) + "\"}"),
                400, "validation-error"))).containsExactly("title");
        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.tenant, "{\"participantIds\":[\"" + f.manager + "\"],\"organisationId\":\"org A\"}"),
                400, "validation-error"))).containsExactly("organisationId");
    }

    @Test
    void someoneInTwoOrganisationsNamesTheOneTheConversationIsIn() {
        f.member(f.manager, f.orgB, Role.MANAGER, null, null);

        var inB = call(create, start(f.manager, "{\"participantIds\":[\"" + f.outsider + "\"],\"organisationId\":\"" + f.orgB + "\"}"));
        assertThat(inB.getStatusCode()).as(inB.getBody()).isEqualTo(201);
        assertThat(json(inB).path("organisationId").asText()).isEqualTo(f.orgB);

        assertThat(fieldErrors(f.assertRefusedUnchanged(create, start(f.manager, "{\"participantIds\":[\"" + f.tenant + "\"]}"), 400, "validation-error")))
                .containsExactly("organisationId");
    }

    @Test
    void aNewConversationRecordsWhoStartedItAndHasNoMessagesYet() {
        ConversationItem started = f.conversations.find(f.conversation(f.tenant, f.manager).getId()).orElseThrow();

        assertThat(started.getCreatedBy()).isEqualTo(f.tenant);
        assertThat(started.getCreatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(started.getMessageCount()).isZero();
        ParticipantItem mine = f.conversations.participation(caller(f.manager), started.getId()).me();
        assertThat(mine.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(mine.getJoinedAt()).isEqualTo(started.getCreatedAt());
        assertThat(mine.getLastActivityAt()).isEqualTo(started.getCreatedAt());
        assertThat(mine.getUnread()).isZero();
    }

    @Test
    void twoPeopleStartingTheirDirectConversationAtTheSameMomentBothGetTheOneWrittenFirst() {
        List<String> theirs = new ArrayList<>();
        // The manager's start from the other side is written between the tenant's look for a pair and the tenant's write.
        ConversationService racing = new ConversationService(f.table, f.access, f.clockWith(() -> {
            if (theirs.isEmpty()) theirs.add(f.conversation(f.manager, f.tenant).getId());
        }));

        ConversationService.Started mine = racing.start(caller(f.tenant), new CreateConversationRequest(List.of(f.manager), null, null));

        assertThat(mine.created()).isFalse();
        assertThat(mine.conversation().getId()).isEqualTo(theirs.getFirst());
        assertThat(ids(json(call(list, HttpEvents.request("GET", "/conversations").as(f.tenant))))).containsExactly(theirs.getFirst());
    }

    @Test
    void aFaultReportDeliveredTwiceAtTheSameMomentOpensItsConversationOnce() {
        String faultId = Ids.newId();
        ConversationService racing = new ConversationService(f.table, f.access, f.clockWith(() ->
                f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing")));

        racing.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");

        assertThat(f.conversations.find(faultId).orElseThrow().getParticipantIds()).containsExactly(f.tenant, f.manager);
        assertThat(ids(json(call(list, HttpEvents.request("GET", "/conversations").as(f.tenant))))).containsExactly(faultId);
    }

    @Test
    void anAssigneeJoiningBeforeAnyMessageIsActiveFromNowAndOneJoiningLaterFromTheLastMessage() {
        String faultId = Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        f.clock.advance(Duration.ofMinutes(1));
        f.conversations.join(faultId, f.technician);

        ParticipantItem technician = f.conversations.participation(caller(f.technician), faultId).me();
        assertThat(technician.getJoinedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(technician.getLastActivityAt()).isEqualTo(f.clock.instant().toString());
        assertThat(technician.getOrganisationId()).isEqualTo(f.orgA);
        assertThat(technician.getUnread()).isZero();

        f.clock.advance(Duration.ofMinutes(1));
        MessageItem message = f.post(f.conversations.find(faultId).orElseThrow(), f.tenant, "It is leaking again");
        f.clock.advance(Duration.ofMinutes(1));
        f.conversations.join(faultId, f.owner);

        ParticipantItem owner = f.conversations.participation(caller(f.owner), faultId).me();
        assertThat(owner.getJoinedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(owner.getLastActivityAt()).as("its place among the owner's conversations").isEqualTo(message.getSentAt());
        assertThat(owner.getGsi1sk()).isEqualTo(ParticipantItem.activity(message.getSentAt(), faultId));
        assertThat(owner.getUnread()).as("nothing from before they joined").isZero();
    }

    @Test
    void aFullConversationTakesNoOneMore() {
        List<String> others = new ArrayList<>();
        for (int i = 1; i < ConversationService.MAX_PARTICIPANTS; i++) {
            String member = f.user("Member " + i);
            f.member(member, f.orgA, Role.OWNER, f.buildingA1.getId(), "UNIT" + i);
            others.add(member);
        }
        ConversationItem full = f.conversations.start(caller(f.manager), new CreateConversationRequest(others, "Everyone", null)).conversation();

        f.conversations.join(full.getId(), f.technician);

        assertThat(f.conversations.find(full.getId()).orElseThrow().getParticipantIds()).hasSize(ConversationService.MAX_PARTICIPANTS)
                .doesNotContain(f.technician);
        assertThatThrownBy(() -> f.conversations.participation(caller(f.technician), full.getId())).isInstanceOf(ApiException.class);
    }

    @Test
    void anAssignmentToAConversationNotOpenedYetFailsToBeRetriedLater() {
        String faultId = Ids.newId();
        assertThatThrownBy(() -> f.conversations.join(faultId, f.technician))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(faultId);
    }

    @Test
    void anAssigneeJoinsAfterAMessageThatCameBetweenItsReadAndItsWrite() {
        String faultId = Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        AtomicInteger attempts = new AtomicInteger();
        ConversationService racing = new ConversationService(f.table, f.access, f.clockWith(() -> {
            if (attempts.incrementAndGet() == 1) f.post(f.conversations.find(faultId).orElseThrow(), f.tenant, "Any news?");
        }));

        racing.join(faultId, f.technician);

        assertThat(attempts).as("read again and written").hasValue(2);
        ConversationItem conversation = f.conversations.find(faultId).orElseThrow();
        assertThat(conversation.getParticipantIds()).containsExactly(f.tenant, f.manager, f.technician);
        assertThat(conversation.getLastMessagePreview()).as("the message stands").isEqualTo("Any news?");
        assertThat(f.table.get(LiveTopicItem.class, LiveTopicItem.pk("conversation:" + faultId), LiveTopicItem.SK).orElseThrow().getMemberIds())
                .containsExactly(f.tenant, f.manager, f.technician);
    }

    @Test
    void aConversationBusyAtEveryAttemptLeavesTheAssignmentToTheQueueAfterFiveAttempts() {
        String faultId = Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        AtomicInteger attempts = new AtomicInteger();
        ConversationService racing = new ConversationService(f.table, f.access, f.clockWith(() -> {
            attempts.incrementAndGet();
            f.post(f.conversations.find(faultId).orElseThrow(), f.tenant, "Any news?");
        }));

        assertThatThrownBy(() -> racing.join(faultId, f.technician)).isInstanceOf(TransactionCanceledException.class);

        assertThat(attempts).hasValue(ConversationService.JOIN_ATTEMPTS);
        assertThat(f.conversations.find(faultId).orElseThrow().getParticipantIds()).containsExactly(f.tenant, f.manager);
    }

    @Test
    void aJoinCancelledForAnotherReasonThanARaceIsNotTriedAgain() {
        String faultId = Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        for (String reason : List.of("ThrottlingError", "ValidationError")) {
            RefusedTransactions dynamo = new RefusedTransactions().refuse(1, reason);
            ConversationService conversations = new ConversationService(dynamo.table(f.config), f.access, f.clock);

            assertThatThrownBy(() -> conversations.join(faultId, f.technician)).as(reason).isInstanceOf(TransactionCanceledException.class);
            assertThat(dynamo.attempts).as(reason).hasValue(1);
        }
        RefusedTransactions conflict = new RefusedTransactions().refuse(1, "TransactionConflict");
        new ConversationService(conflict.table(f.config), f.access, f.clock).join(faultId, f.technician);
        assertThat(conflict.attempts).as("a conflict is a race: tried again").hasValue(2);
        assertThat(f.conversations.find(faultId).orElseThrow().getParticipantIds()).contains(f.technician);
    }

    @Test
    void aJoinInterruptedWhileWaitingToTryAgainGivesUpAndKeepsTheInterrupt() {
        String faultId = Ids.newId();
        f.conversations.openForFault(faultId, f.orgA, f.buildingA1.getId(), f.tenant, "plumbing");
        RefusedTransactions dynamo = new RefusedTransactions().refuse(1, "ConditionalCheckFailed").interrupting();
        ConversationService conversations = new ConversationService(dynamo.table(f.config), f.access, f.clock);

        boolean interrupted;
        try {
            assertThatThrownBy(() -> conversations.join(faultId, f.technician)).isInstanceOf(TransactionCanceledException.class);
        } finally {
            interrupted = Thread.interrupted();
        }

        assertThat(interrupted).as("the thread is still marked interrupted").isTrue();
        assertThat(dynamo.attempts).hasValue(1);
    }

    @Test
    void aDirectPairIsKeyedByTheLowerIdFirstWhicheverSideNamesIt() {
        assertThat(DirectPairItem.pk("ORG", "B", "A")).isEqualTo(DirectPairItem.pk("ORG", "A", "B")).isEqualTo("DIRECT#ORG#A#B");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(c -> ids.add(c.path("conversationId").asText()));
        return ids;
    }
}
