package app.domus.messaging.delivery;

import static app.domus.shared.testing.SqsEvents.batch;
import static app.domus.shared.testing.SqsEvents.failed;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.messaging.MessagingFixture;
import app.domus.messaging.conversations.ConversationItem;
import app.domus.messaging.conversations.ConversationService;
import app.domus.messaging.messages.MessageEvents;
import app.domus.messaging.conversations.CreateConversationRequest;
import app.domus.messaging.messages.MessageItem;
import app.domus.messaging.messages.PostMessageRequest;
import app.domus.shared.notify.Category;
import app.domus.shared.testing.Images;
import app.domus.shared.testing.RecordingLiveUpdates.Sent;
import app.domus.shared.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message taken to each participant's personal topic, with a push for whoever it reaches on no connection. */
class MessageDeliveryTest {
    private final MessagingFixture f = new MessagingFixture();
    private final MessageDeliveryHandler handler = new MessageDeliveryHandler(f.idempotency, f.delivery);
    private final ConversationItem conversation = f.conversation(f.tenant, f.manager, f.owner);

    @Test
    void aNewMessageGoesLiveToEveryParticipantAndThoseItReachesNowhereArePushed() {
        MessageItem message = f.post(conversation, f.tenant, "The bike room door is stuck");

        assertThat(failed(handler.handleRequest(batch(f.events.ofType(MessageEvents.POSTED).getFirst()), new TestContext()))).isEmpty();

        assertThat(f.liveUpdates.sent).extracting(Sent::topic)
                .containsExactlyInAnyOrder("user:" + f.tenant, "user:" + f.manager, "user:" + f.owner);
        Sent toManager = f.liveUpdates.sent.stream().filter(s -> s.topic().equals("user:" + f.manager)).findFirst().orElseThrow();
        assertThat(toManager.message().path("type").asText()).isEqualTo("message");
        assertThat(toManager.message().path("conversationId").asText()).isEqualTo(conversation.getId());
        assertThat(toManager.message().path("message").path("content").asText()).isEqualTo("The bike room door is stuck");
        assertThat(toManager.otherwise().userId()).isEqualTo(f.manager);
        assertThat(toManager.otherwise().category()).isEqualTo(Category.MESSAGES);
        assertThat(toManager.otherwise().template()).isEqualTo("message-received");
        assertThat(toManager.otherwise().id()).isEqualTo("message-" + message.getId() + "#" + f.manager);
        assertThat(toManager.otherwise().data()).containsEntry("senderName", "Tom Tenant").containsEntry("preview", "The bike room door is stuck");
        Sent toSender = f.liveUpdates.sent.stream().filter(s -> s.topic().equals("user:" + f.tenant)).findFirst().orElseThrow();
        assertThat(toSender.otherwise()).as("the sender's other devices, never a push").isNull();

        handler.handleRequest(batch(f.events.ofType(MessageEvents.POSTED).getFirst()), new TestContext());
        assertThat(f.liveUpdates.sent).as("a redelivered event is delivered once").hasSize(3);
    }

    @Test
    void aNoticeNamesTheGroupAndPreviewsItsOwnMessageWhenALaterOneWasSentBeforeItsDelivery() {
        ConversationItem group = f.conversations.start(MessagingFixture.caller(f.tenant),
                new CreateConversationRequest(List.of(f.manager), "Bike room", null)).conversation();
        ConversationService.Participation tenant = f.conversations.participation(MessagingFixture.caller(f.tenant), group.getId());
        String exactly = "a".repeat(120);
        f.post(group, f.tenant, exactly);
        f.post(group, f.tenant, exactly + "b");
        f.post(group, f.tenant, "  padded  ");
        f.messages.post(tenant, new PostMessageRequest(null, List.of(f.upload(f.tenant, "image/png", Images.png()).getId())));
        f.post(group, f.tenant, "  latest  ");

        assertThat(failed(handler.handleRequest(batch(f.events.ofType(MessageEvents.POSTED).toArray(new app.domus.shared.events.DomainEvent[0])),
                new TestContext()))).isEmpty();

        List<Map<String, String>> notices = f.liveUpdates.sent.stream().filter(s -> s.topic().equals("user:" + f.manager))
                .map(s -> s.otherwise().data()).toList();
        assertThat(notices).extracting(n -> n.get("conversation")).containsOnly("Bike room");
        assertThat(notices).extracting(n -> n.get("preview"))
                .as("a late delivery previews its own message as the conversation list would")
                .containsExactlyInAnyOrder(exactly, "a".repeat(119) + "…", "padded", "[photo]", "latest");
    }

    @Test
    void aNoticeOfADirectConversationSaysItIsWithYou() {
        ConversationItem direct = f.conversation(f.tenant, f.manager);
        f.post(direct, f.tenant, "Hello");

        handler.handleRequest(batch(f.events.ofType(MessageEvents.POSTED).getFirst()), new TestContext());

        assertThat(f.liveUpdates.sent.stream().filter(s -> s.topic().equals("user:" + f.manager)).findFirst().orElseThrow().otherwise().data())
                .containsEntry("conversation", "a conversation with you").containsEntry("preview", "Hello").containsEntry("conversationId", direct.getId());
    }

    @Test
    void editsAndDeletionsGoLiveOnlyAndALateNewMessageEventShowsTheMessageDeleted() {
        MessageItem message = f.post(conversation, f.tenant, "oops");
        ConversationService.Participation sender = f.conversations.participation(MessagingFixture.caller(f.tenant), conversation.getId());
        f.messages.delete(sender, message.getId());

        handler.handleRequest(batch(f.events.ofType(MessageEvents.POSTED).getFirst(), f.events.ofType(MessageEvents.DELETED).getFirst()),
                new TestContext());

        assertThat(f.liveUpdates.sent).hasSize(6).allSatisfy(s -> {
            assertThat(s.otherwise()).isNull();
            assertThat(s.message().path("message").path("deleted").asBoolean()).isTrue();
            assertThat(s.message().path("message").has("content")).isFalse();
        });
        assertThat(f.liveUpdates.sent).extracting(s -> s.message().path("type").asText()).containsOnly("message", "message.deleted");
    }
}
