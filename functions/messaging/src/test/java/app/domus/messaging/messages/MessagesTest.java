package app.domus.messaging.messages;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.messaging.MessagingFixture;
import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ParticipantItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.Images;
import app.domus.shared.uploads.UploadItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sending, listing, editing, deleting and reading messages, by participants only. */
class MessagesTest {
    private final MessagingFixture f = new MessagingFixture();
    private final PostMessageHandler post = new PostMessageHandler(f.conversations, f.messages);
    private final ListMessagesHandler list = new ListMessagesHandler(f.conversations, f.messages);
    private final EditMessageHandler edit = new EditMessageHandler(f.conversations, f.messages);
    private final DeleteMessageHandler delete = new DeleteMessageHandler(f.conversations, f.messages);
    private final MarkReadHandler read = new MarkReadHandler(f.conversations, f.messages);
    private final ConversationItem conversation = f.conversation(f.tenant, f.manager, f.owner);

    private HttpEvents posting(String who, String body) {
        return HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/messages")
                .pathParam("conversationId", conversation.getId()).as(who).body(body);
    }

    private HttpEvents on(String method, String who, String messageId) {
        return HttpEvents.request(method, "/conversations/" + conversation.getId() + "/messages/" + messageId)
                .pathParam("conversationId", conversation.getId()).pathParam("messageId", messageId).as(who);
    }

    @Test
    void aMessageIsStoredWithItsConversationsUpdateAndItsEventInOneGo() {
        var response = call(post, posting(f.tenant, "{\"content\":\"The bike room door is stuck\"}"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        String messageId = json(response).path("messageId").asText();

        ConversationItem stored = f.conversations.find(conversation.getId()).orElseThrow();
        assertThat(stored.getLastMessageId()).isEqualTo(messageId);
        assertThat(stored.getLastMessagePreview()).isEqualTo("The bike room door is stuck");
        assertThat(stored.getMessageCount()).isEqualTo(1);
        assertThat(stored.getVersion()).isEqualTo(2);
        assertThat(unread(f.manager)).isEqualTo(1);
        assertThat(unread(f.owner)).isEqualTo(1);
        assertThat(unread(f.tenant)).isZero();
        DomainEvent event = f.events.ofType(MessageEvents.POSTED).getFirst();
        assertThat(event.payload().path("messageId").asText()).isEqualTo(messageId);
        assertThat(event.payload().path("change").asText()).isEqualTo("posted");
        assertThat(event.organisationId()).isEqualTo(f.orgA);
    }

    @Test
    void messagesPageBackwardsFromTheNewest() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) sent.add(f.post(conversation, i % 2 == 0 ? f.tenant : f.manager, "m" + i).getId());

        JsonNode first = json(call(list, on("GET", f.owner, "x").query("limit", "3")));
        assertThat(contents(first)).containsExactly("m4", "m3", "m2");
        JsonNode second = json(call(list, on("GET", f.owner, "x").query("limit", "3").query("cursor", first.path("nextCursor").asText())));
        assertThat(contents(second)).containsExactly("m1", "m0");
        assertThat(first.path("readBy")).hasSize(3);
    }

    @Test
    void anOutsiderIsRefusedOnEveryRouteAsIfTheConversationDidNotExist() {
        String messageId = f.post(conversation, f.tenant, "hello").getId();
        for (String who : List.of(f.outsider, f.technician, f.managerOfA2)) {
            f.assertRefusedUnchanged(post, posting(who, "{\"content\":\"let me in\"}"), 404, "not-found");
            f.assertRefusedUnchanged(list, on("GET", who, "x"), 404, "not-found");
            f.assertRefusedUnchanged(edit, on("PATCH", who, messageId).body("{\"content\":\"changed\"}"), 404, "not-found");
            f.assertRefusedUnchanged(delete, on("DELETE", who, messageId), 404, "not-found");
            f.assertRefusedUnchanged(read, HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                    .pathParam("conversationId", conversation.getId()).as(who).body("{\"upToMessageId\":\"" + messageId + "\"}"), 404, "not-found");
        }
        assertProblem(call(list, HttpEvents.request("GET", "/conversations/nope/messages").pathParam("conversationId", "nope").as(f.tenant)),
                404, "not-found");
    }

    @Test
    void itsSenderEditsAMessageWithinFifteenMinutesAndNoOneElseEver() {
        String messageId = f.post(conversation, f.tenant, "draft").getId();
        f.clock.advance(Duration.ofMinutes(14));
        f.assertRefusedUnchanged(edit, on("PATCH", f.manager, messageId).body("{\"content\":\"theirs\"}"), 403, "forbidden");

        var edited = call(edit, on("PATCH", f.tenant, messageId).body("{\"content\":\"final\"}"));
        assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
        assertThat(json(edited).path("content").asText()).isEqualTo("final");
        assertThat(json(edited).path("editedAt").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(f.events.ofType(MessageEvents.EDITED)).hasSize(1);

        f.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        f.assertRefusedUnchanged(edit, on("PATCH", f.tenant, messageId).body("{\"content\":\"too late\"}"), 409, "invalid-state");
    }

    @Test
    void aDeletedMessageShowsAsDeletedToTheOthersAndOnlyItsSenderDeletesIt() {
        String messageId = f.post(conversation, f.tenant, "oops").getId();
        f.assertRefusedUnchanged(delete, on("DELETE", f.owner, messageId), 403, "forbidden");

        assertThat(call(delete, on("DELETE", f.tenant, messageId)).getStatusCode()).isEqualTo(200);
        assertThat(call(delete, on("DELETE", f.tenant, messageId)).getStatusCode()).as("again").isEqualTo(200);

        JsonNode shown = json(call(list, on("GET", f.owner, "x"))).path("items").get(0);
        assertThat(shown.path("messageId").asText()).isEqualTo(messageId);
        assertThat(shown.path("deleted").asBoolean()).isTrue();
        assertThat(shown.has("content")).isFalse();
        assertThat(f.events.ofType(MessageEvents.DELETED)).as("deleted once").hasSize(1);
        f.assertRefusedUnchanged(edit, on("PATCH", f.tenant, messageId).body("{\"content\":\"back\"}"), 409, "invalid-state");
    }

    @Test
    void aReadReceiptLeavesTheOthersLaterMessagesUnreadAndTellsTheOthersLive() {
        String first = f.post(conversation, f.tenant, "one").getId();
        f.post(conversation, f.manager, "two");
        String three = f.post(conversation, f.tenant, "three").getId();
        assertThat(unread(f.owner)).isEqualTo(3);

        var response = call(read, HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                .pathParam("conversationId", conversation.getId()).as(f.owner).body("{\"upToMessageId\":\"" + first + "\"}"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("unread").asInt()).as("two and three").isEqualTo(2);
        assertThat(unread(f.owner)).isEqualTo(2);
        assertThat(f.liveUpdates.on("user:" + f.tenant)).anySatisfy(m -> {
            assertThat(m.path("type").asText()).isEqualTo("message.read");
            assertThat(m.path("userId").asText()).isEqualTo(f.owner);
            assertThat(m.path("upToMessageId").asText()).isEqualTo(first);
        });

        var older = call(read, HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                .pathParam("conversationId", conversation.getId()).as(f.tenant).body("{\"upToMessageId\":\"" + first + "\"}"));
        assertThat(json(older).path("lastReadMessageId").asText()).as("sending reads everything before; an older receipt changes nothing")
                .isEqualTo(three);

        f.post(conversation, f.owner, "mine");
        assertThat(unread(f.owner)).as("one's own message reads the conversation").isZero();

        var unknown = call(read, HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                .pathParam("conversationId", conversation.getId()).as(f.owner).body("{\"upToMessageId\":\"01JD4S6Q0M8Y5C3V7N2B9X1KZZ\"}"));
        assertThat(fieldErrors(assertProblem(unknown, 400, "validation-error"))).containsExactly("upToMessageId");
    }

    @Test
    void photosAreTakenWhenTheirBytesAreWhatTheirUploadDeclared() {
        UploadItem photo = f.upload(f.tenant, "image/png", Images.png());
        var response = call(post, posting(f.tenant, "{\"content\":\"see\",\"attachments\":[\"" + photo.getId() + "\"]}"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode attachment = json(response).path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("image/png");
        assertThat(attachment.path("url").asText()).startsWith("https://photos.example.test/messages/" + conversation.getId() + "/");
        assertThat(f.table.get(UploadItem.class, photo.getPk(), UploadItem.SK).orElseThrow().getStatus()).isEqualTo(UploadItem.USED);

        assertThat(fieldErrors(f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + photo.getId() + "\"]}"), 400, "validation-error")))
                .as("used once").containsExactly("attachments[0]");
        UploadItem lying = f.upload(f.tenant, "image/png", Images.jpeg());
        assertThat(f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + lying.getId() + "\"]}"), 400, "validation-error")
                .toString()).contains("not the image/png it was declared as");
        UploadItem gif = f.upload(f.tenant, "image/png", Images.gif());
        f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + gif.getId() + "\"]}"), 400, "validation-error");
        UploadItem pdf = f.upload(f.tenant, "image/jpeg", Images.pdf());
        f.assertRefusedUnchanged(post, posting(f.tenant, "{\"content\":\"doc\",\"attachments\":[\"" + pdf.getId() + "\"]}"), 400, "validation-error");
        UploadItem unsent = f.upload(f.tenant, "image/png", null);
        f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + unsent.getId() + "\"]}"), 400, "validation-error");
        UploadItem someoneElses = f.upload(f.manager, "image/png", Images.png());
        f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + someoneElses.getId() + "\"]}"), 400, "validation-error");
        UploadItem huge = f.upload(f.tenant, "image/jpeg", Images.jpegOfSize((int) MessageService.MAX_ATTACHMENT_BYTES + 1));
        f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[\"" + huge.getId() + "\"]}"), 400, "validation-error");
        f.assertRefusedUnchanged(post, posting(f.tenant, "{}"), 400, "validation-error");
    }

    @Test
    void aMessageThatCannotBeStoredLeavesNoCopyOfItsPhotosAndItsUploadFree() {
        UploadItem photo = f.upload(f.tenant, "image/png", Images.png());
        // Someone left between the sender's check and the transaction: the transaction is refused as a whole.
        f.table.of(ParticipantItem.class).deleteItem(software.amazon.awssdk.enhanced.dynamodb.Key.builder()
                .partitionValue(conversation.getPk()).sortValue(ParticipantItem.sk(f.owner)).build());
        int objects = f.bucket.size();

        assertProblem(call(post, posting(f.tenant, "{\"attachments\":[\"" + photo.getId() + "\"]}")), 404, "not-found");

        assertThat(f.bucket).as("no copy left behind").hasSize(objects);
        assertThat(f.table.get(UploadItem.class, photo.getPk(), UploadItem.SK).orElseThrow().getStatus()).isEqualTo(UploadItem.PENDING);
        assertThat(f.events.ofType(MessageEvents.POSTED)).isEmpty();
    }

    private long unread(String userId) {
        return f.table.get(ParticipantItem.class, conversation.getPk(), ParticipantItem.sk(userId)).orElseThrow().getUnread();
    }

    private static List<String> contents(JsonNode page) {
        List<String> contents = new ArrayList<>();
        page.path("items").forEach(m -> contents.add(m.path("content").asText()));
        return contents;
    }
}
