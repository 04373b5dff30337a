package app.domus.messaging.conversations;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.messaging.MessagingFixture;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Starting conversations within one organisation, and a person's conversations newest activity first. */
class ConversationsTest {
    private final MessagingFixture f = new MessagingFixture();
    private final CreateConversationHandler create = new CreateConversationHandler(f.conversations);
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

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(c -> ids.add(c.path("conversationId").asText()));
        return ids;
    }
}
