package app.domus.messaging.messages;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.messaging.MessagingFixture;
import app.domus.messaging.RefusedTransactions;
import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.conversations.ParticipantItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.events.OutboxItem;
import app.domus.shared.ids.Ids;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.IdempotentCreates;
import app.domus.shared.testing.Images;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.uploads.UploadItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import org.junit.jupiter.api.Test;

/** Sending, listing, editing, deleting and reading messages, by participants only. */
class MessagesTest {
    private final MessagingFixture f = new MessagingFixture();
    private final PostMessageHandler post = new PostMessageHandler(f.idempotency, f.conversations, f.messages);
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

    @Test
    void theSameIdempotencyKeyAgainGetsTheFirstMessageBack() {
        IdempotentCreates.assertKeyedCreate(post, () -> posting(f.tenant, "{\"content\":\"The bike room door is stuck\"}"),
                () -> posting(f.tenant, "{\"content\":\"The bike room door is fine\"}"), f.events, MessageEvents.POSTED);
    }

    @Test
    void aMessageBodyIsRefusedNamingEachFieldItGetsWrong() {
        assertThat(fieldErrors(f.assertRefusedUnchanged(post, posting(f.tenant, "{\"content\":\"" + "x".repeat(PostMessageRequest.MAX_CONTENT + 1) + "\"}"),
                400, "validation-error"))).containsExactly("content");
        List<String> six = new ArrayList<>();
        for (int i = 0; i <= PostMessageRequest.MAX_ATTACHMENTS; i++) six.add("\"" + f.upload(f.tenant, "image/png", Images.png()).getId() + "\"");
        assertThat(fieldErrors(f.assertRefusedUnchanged(post, posting(f.tenant, "{\"attachments\":[" + String.join(",", six) + "]}"),
                400, "validation-error"))).containsExactly("attachments");
        JsonNode notAnId = f.assertRefusedUnchanged(post, posting(f.tenant, "{\"content\":\"see\",\"attachments\":[\"../uploads/x\"]}"),
                400, "validation-error");
        assertThat(fieldErrors(notAnId)).containsExactly("attachments[0]");
        assertThat(notAnId.path("errors").get(0).path("message").asText()).isEqualTo("is not a valid identifier");

        String messageId = f.post(conversation, f.tenant, "draft").getId();
        assertThat(fieldErrors(f.assertRefusedUnchanged(edit, on("PATCH", f.tenant, messageId).body("{}"), 400, "validation-error")))
                .containsExactly("content");
        JsonNode badReceipt = f.assertRefusedUnchanged(read, HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                .pathParam("conversationId", conversation.getId()).as(f.owner).body("{\"upToMessageId\":\"../x\"}"), 400, "validation-error");
        assertThat(fieldErrors(badReceipt)).containsExactly("upToMessageId");
        assertThat(badReceipt.path("errors").get(0).path("message").asText()).isEqualTo("is not a valid identifier");
    }

    @Test
    void aMessageWithAPhotoIsStoredWithItsUploadItsSizeAndItsOwnCopyOfTheBytes() {
        byte[] png = Images.png();
        UploadItem photo = f.upload(f.tenant, "image/png", png);
        MessageItem message = f.messages.post(participation(f.tenant), new PostMessageRequest(null, List.of(photo.getId())));

        MessageItem stored = f.messages.find(conversation, message.getId()).orElseThrow();
        assertThat(stored.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getUploadId()).isEqualTo(photo.getId());
            assertThat(a.getSizeBytes()).isEqualTo(png.length);
            assertThat(a.getContentType()).isEqualTo("image/png");
            assertThat(a.getObjectKey()).isEqualTo("messages/" + conversation.getId() + "/" + message.getId() + "/0.png");
            assertThat(f.bucket.get(a.getObjectKey())).as("the message's own copy").isEqualTo(png);
        });
        assertThat(f.conversations.find(conversation.getId()).orElseThrow().getLastMessagePreview()).isEqualTo("[photo]");
    }

    @Test
    void aPhotoOfExactlyTenMegabytesIsTaken() {
        UploadItem photo = f.upload(f.tenant, "image/jpeg", Images.jpegOfSize((int) MessageService.MAX_ATTACHMENT_BYTES));
        var response = call(post, posting(f.tenant, "{\"attachments\":[\"" + photo.getId() + "\"]}"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(json(response).path("attachments").get(0).path("sizeBytes").asLong()).isEqualTo(MessageService.MAX_ATTACHMENT_BYTES);
    }

    @Test
    void aMessageAndItsEventsAreStoredAtTheFirstVersionAndEachChangeMovesTheMessageOn() {
        MessageItem message = f.post(conversation, f.tenant, "draft");
        assertThat(f.messages.find(conversation, message.getId()).orElseThrow().getVersion()).isEqualTo(1);

        assertThat(call(edit, on("PATCH", f.tenant, message.getId()).body("{\"content\":\"final\"}")).getStatusCode()).isEqualTo(200);

        assertThat(f.messages.find(conversation, message.getId()).orElseThrow().getVersion()).isEqualTo(2);
        List<String> eventVersions = LocalDynamo.client().scan(b -> b.tableName(f.table.name()).filterExpression("begins_with(pk, :outbox)")
                        .expressionAttributeValues(Map.of(":outbox", AttributeValue.fromS(OutboxItem.PK_PREFIX))))
                .items().stream().map(item -> item.get("version") == null ? null : item.get("version").n()).toList();
        assertThat(eventVersions).as("posted, as written by the service; edited, as written by the outbox").hasSize(2).containsOnly("1");
    }

    @Test
    void aDeletedMessageKeepsNeitherItsTextNorItsPhotos() {
        UploadItem photo = f.upload(f.tenant, "image/png", Images.png());
        MessageItem message = f.messages.post(participation(f.tenant), new PostMessageRequest("see the door", List.of(photo.getId())));

        assertThat(call(delete, on("DELETE", f.tenant, message.getId())).getStatusCode()).isEqualTo(200);

        MessageItem stored = f.messages.find(conversation, message.getId()).orElseThrow();
        assertThat(stored.deleted()).isTrue();
        assertThat(stored.getContent()).isNull();
        assertThat(stored.getAttachments()).isNull();
        f.assertRefusedUnchanged(delete, on("DELETE", f.tenant, Ids.newId()), 404, "not-found");
    }

    @Test
    void aLaterReceiptMovesTheMarkOnAndAStaleOneLeavesTheLaterStanding() {
        String first = f.post(conversation, f.tenant, "one").getId();
        String second = f.post(conversation, f.manager, "two").getId();
        String three = f.post(conversation, f.tenant, "three").getId();
        ConversationService.Participation stale = participation(f.owner);

        JsonNode firstRead = json(call(read, reading(f.owner, first)));
        assertThat(firstRead.path("lastReadMessageId").asText()).isEqualTo(first);
        assertThat(firstRead.path("lastReadAt").asText()).isEqualTo(f.clock.instant().toString());
        f.clock.advance(Duration.ofMinutes(1));
        JsonNode later = json(call(read, reading(f.owner, three)));
        assertThat(later.path("lastReadMessageId").asText()).isEqualTo(three);
        assertThat(later.path("lastReadAt").asText()).isEqualTo(f.clock.instant().toString());
        assertThat(later.path("unread").asInt()).isZero();
        JsonNode readBy = json(call(list, on("GET", f.tenant, "x"))).path("readBy");
        assertThat(readBy).anySatisfy(r -> {
            assertThat(r.path("userId").asText()).isEqualTo(f.owner);
            assertThat(r.path("lastReadMessageId").asText()).isEqualTo(three);
        });

        // The same reader's receipt up to an older message, sent before the later one was recorded: the later one stands.
        int sent = f.liveUpdates.sent.size();
        ParticipantItem after = f.messages.markRead(stale, second);
        assertThat(after.getLastReadMessageId()).isEqualTo(three);
        assertThat(after.getUnread()).isZero();
        assertThat(f.liveUpdates.sent).as("nothing to tell anyone").hasSize(sent);
    }

    @Test
    void theConversationsPreviewIsTheStrippedTextCutAt120Characters() {
        f.post(conversation, f.tenant, "  padded  ");
        assertThat(lastPreview()).isEqualTo("padded");
        String exactly = "a".repeat(MessageService.PREVIEW_CHARS);
        f.post(conversation, f.tenant, exactly);
        assertThat(lastPreview()).isEqualTo(exactly);
        f.post(conversation, f.tenant, exactly + "b");
        assertThat(lastPreview()).isEqualTo("a".repeat(MessageService.PREVIEW_CHARS - 1) + "…");
        // An emoji (two UTF-16 chars) straddling the cut goes whole rather than in half.
        f.post(conversation, f.tenant, "a".repeat(MessageService.PREVIEW_CHARS - 2) + "\uD83D\uDE00 and more");
        assertThat(lastPreview()).isEqualTo("a".repeat(MessageService.PREVIEW_CHARS - 2) + "…");
    }

    @Test
    void aPhotoTakenByAnotherMessageBetweenTheChecksAndTheWriteIsNamedAndNothingIsStored() {
        for (int raced = 0; raced < 2; raced++) {
            List<UploadItem> photos = List.of(f.upload(f.tenant, "image/png", Images.png()), f.upload(f.tenant, "image/png", Images.png()));
            UploadItem taken = photos.get(raced);
            // Another message of the sender's takes this upload after this one's checks and before its write.
            MessageService racing = new MessageService(f.table, LocalDynamo.client(), f.outbox, f.attachments, f.liveUpdates, f.clockWith(() -> {
                UploadItem upload = f.table.get(UploadItem.class, taken.getPk(), UploadItem.SK).orElseThrow();
                if (upload.getStatus().equals(UploadItem.PENDING)) {
                    upload.setStatus(UploadItem.USED);
                    f.table.of(UploadItem.class).updateItem(upload);
                }
            }));
            PostMessageHandler posting = new PostMessageHandler(f.idempotency, f.conversations, racing);
            int objects = f.bucket.size();

            JsonNode problem = assertProblem(call(posting, posting(f.tenant, "{\"attachments\":[\"" + photos.get(0).getId() + "\",\"" + photos.get(1).getId() + "\"]}")),
                    400, "validation-error");

            assertThat(fieldErrors(problem)).containsExactly("attachments[" + raced + "]");
            assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("has already been used");
            assertThat(f.bucket).as("no copy left behind").hasSize(objects);
            assertThat(f.table.get(UploadItem.class, photos.get(1 - raced).getPk(), UploadItem.SK).orElseThrow().getStatus()).isEqualTo(UploadItem.PENDING);
        }
        assertThat(f.events.ofType(MessageEvents.POSTED)).isEmpty();
    }

    @Test
    void aMessageMeetingAnotherWriteAtTheSameMomentIsTriedAgainAndStoredOnce() {
        RefusedTransactions dynamo = new RefusedTransactions().refuse(2, "TransactionConflict");
        PostMessageHandler busy = new PostMessageHandler(f.idempotency, f.conversations,
                new MessageService(f.table, dynamo.client, f.outbox, f.attachments, f.liveUpdates, f.clock));

        var response = call(busy, posting(f.tenant, "{\"content\":\"Third time lucky\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(dynamo.attempts).hasValue(3);
        assertThat(f.events.ofType(MessageEvents.POSTED)).hasSize(1);
        assertThat(unread(f.manager)).isEqualTo(1);
    }

    @Test
    void aConversationBusyAtEveryAttemptIsAConflictAfterFiveAttemptsAndKeepsNoCopyOfThePhotos() {
        RefusedTransactions dynamo = new RefusedTransactions().refuse(Integer.MAX_VALUE, "TransactionConflict");
        PostMessageHandler busy = new PostMessageHandler(f.idempotency, f.conversations,
                new MessageService(f.table, dynamo.client, f.outbox, f.attachments, f.liveUpdates, f.clock));
        UploadItem photo = f.upload(f.tenant, "image/png", Images.png());

        f.assertRefusedUnchanged(busy, posting(f.tenant, "{\"content\":\"see\",\"attachments\":[\"" + photo.getId() + "\"]}"), 409, "conflict");

        assertThat(dynamo.attempts).hasValue(5);
    }

    @Test
    void aMessageInterruptedWhileWaitingToTryAgainGivesUpAndKeepsTheInterrupt() {
        RefusedTransactions dynamo = new RefusedTransactions().refuse(1, "TransactionConflict").interrupting();
        MessageService busy = new MessageService(f.table, dynamo.client, f.outbox, f.attachments, f.liveUpdates, f.clock);
        ConversationService.Participation tenant = participation(f.tenant);

        boolean interrupted;
        try {
            assertThatThrownBy(() -> busy.post(tenant, new PostMessageRequest("hello", null))).isInstanceOf(TransactionCanceledException.class);
        } finally {
            interrupted = Thread.interrupted();
        }

        assertThat(interrupted).as("the thread is still marked interrupted").isTrue();
        assertThat(dynamo.attempts).hasValue(1);
        assertThat(f.events.ofType(MessageEvents.POSTED)).isEmpty();
    }

    private ConversationService.Participation participation(String userId) {
        return f.conversations.participation(MessagingFixture.caller(userId), conversation.getId());
    }

    private HttpEvents reading(String who, String upToMessageId) {
        return HttpEvents.request("POST", "/conversations/" + conversation.getId() + "/read")
                .pathParam("conversationId", conversation.getId()).as(who).body("{\"upToMessageId\":\"" + upToMessageId + "\"}");
    }

    private String lastPreview() {
        return f.conversations.find(conversation.getId()).orElseThrow().getLastMessagePreview();
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
