package app.domus.realtime.typing;

import static app.domus.realtime.RealtimeFixture.body;
import static app.domus.shared.testing.SqsEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.RealtimeFixture;
import app.domus.realtime.broadcast.TopicBroadcaster;
import app.domus.realtime.testing.ConnectionsDouble;
import app.domus.realtime.testing.SocketEvents;
import app.domus.shared.json.Json;
import app.domus.shared.live.LiveTopicItem;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/** typing_start and typing_stop relayed to a conversation's other members online, and the server's own typing:false. */
class TypingTest {
    private final RealtimeFixture f = new RealtimeFixture();
    private final ConnectionsDouble api = new ConnectionsDouble();
    private final List<SendMessageRequest> queued = new CopyOnWriteArrayList<>();
    private final Typing typing = new Typing(f.table, LocalDynamo.client(), f.topics,
            () -> new TopicBroadcaster(f.connections, api.client()), recordingSqs(), () -> "https://sqs.local/typing-checks", f.clock);
    private final TypingHandler handler = new TypingHandler(f.connections, typing);
    private final TypingTimeoutHandler timeouts = new TypingTimeoutHandler(typing);

    private final String owner = f.connections.open("owner=", f.owner).getConnectionId();
    private final String tenant = f.connections.open("tenant=", f.tenant).getConnectionId();
    private final String tenantsPhone = f.connections.open("phone=", f.tenant).getConnectionId();
    private final String manager = f.connections.open("manager=", f.manager).getConnectionId();

    TypingTest() {
        LiveTopicItem conversation = LiveTopicItem.of("conversation:C1", f.orgA, null, RealtimeFixture.START.toString());
        conversation.setMemberIds(List.of(f.owner, f.tenant));
        f.table.of(LiveTopicItem.class).putItem(conversation);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private SqsClient recordingSqs() {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
            if (method.getName().equals("sendMessage")) {
                SendMessageRequest request = args[0] instanceof SendMessageRequest r ? r
                        : buildFrom((Consumer<SendMessageRequest.Builder>) args[0]);
                queued.add(request);
                return SendMessageResponse.builder().messageId("m" + queued.size()).build();
            }
            if (method.getName().equals("close")) return null;
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static SendMessageRequest buildFrom(Consumer<SendMessageRequest.Builder> consumer) {
        SendMessageRequest.Builder builder = SendMessageRequest.builder();
        consumer.accept(builder);
        return builder.build();
    }

    private void send(String connectionId, String action) {
        var response = handler.handleRequest(SocketEvents.message(connectionId, action,
                "{\"action\":\"" + action + "\",\"conversationId\":\"C1\"}"), new TestContext());
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).as("nothing answered").isNull();
    }

    private List<JsonNode> indicatorsTo(String connectionId) {
        return api.bodiesFor(connectionId).stream().map(Json::tree).toList();
    }

    @Test
    void aStartAndAStopReachEveryDeviceOfTheOtherMembersAndNoOneElse() {
        send(owner, "typing_start");
        send(owner, "typing_stop");

        assertThat(indicatorsTo(tenant)).extracting(m -> m.path("typing").asBoolean()).containsExactly(true, false);
        assertThat(indicatorsTo(tenantsPhone)).hasSize(2);
        assertThat(indicatorsTo(tenant).getFirst()).isEqualTo(Json.tree(
                "{\"type\":\"typing\",\"userId\":\"" + f.owner + "\",\"conversationId\":\"C1\",\"typing\":true}"));
        assertThat(indicatorsTo(owner)).as("not to oneself").isEmpty();
        assertThat(indicatorsTo(manager)).as("not a member").isEmpty();
        assertThat(queued).singleElement().satisfies(q -> {
            assertThat(q.delaySeconds()).isEqualTo(3);
            assertThat(q.queueUrl()).isEqualTo("https://sqs.local/typing-checks");
        });
    }

    @Test
    void theServerStopsSomeoneQuietThreeSecondsAfterTheirLastStartOnly() {
        send(owner, "typing_start");
        f.clock.advance(java.time.Duration.ofSeconds(2));
        send(owner, "typing_start");
        assertThat(queued).hasSize(2);

        timeouts.handleRequest(batch(queued.get(0).messageBody()), new TestContext());
        assertThat(indicatorsTo(tenant)).as("the first check is overtaken by the second start")
                .extracting(m -> m.path("typing").asBoolean()).containsExactly(true, true);

        timeouts.handleRequest(batch(queued.get(1).messageBody()), new TestContext());
        timeouts.handleRequest(batch(queued.get(1).messageBody()), new TestContext());
        assertThat(indicatorsTo(tenant)).extracting(m -> m.path("typing").asBoolean()).containsExactly(true, true, false);
    }

    @Test
    void aStartLeavesAMarkerForItsMemberThatOutlivesTheQuietCheckAndTheCheckSaysWhetherItStoppedSomeone() {
        send(owner, "typing_start");

        TypingItem marker = f.table.get(TypingItem.class, TypingItem.pk("C1"), TypingItem.sk(f.owner)).orElseThrow();
        assertThat(marker.getConversationId()).isEqualTo("C1");
        assertThat(marker.getUserId()).isEqualTo(f.owner);
        assertThat(marker.getStartedAt()).isEqualTo(f.clock.millis());
        assertThat(marker.getTtl()).as("kept past the 3 s check").isGreaterThan(f.clock.instant().plusSeconds(3).getEpochSecond());

        Typing.QuietCheck check = Json.read(queued.getFirst().messageBody(), Typing.QuietCheck.class);
        assertThat(typing.quiet(check)).as("the check stops the start it was sent for").isTrue();
        assertThat(typing.quiet(check)).as("and only once").isFalse();
        assertThat(f.table.get(TypingItem.class, TypingItem.pk("C1"), TypingItem.sk(f.owner))).isEmpty();
    }

    @Test
    void noCheckFiresAfterAStop() {
        send(owner, "typing_start");
        send(owner, "typing_stop");

        timeouts.handleRequest(batch(queued.get(0).messageBody()), new TestContext());

        assertThat(indicatorsTo(tenant)).extracting(m -> m.path("typing").asBoolean()).containsExactly(true, false);
    }

    @Test
    void someoneNotInTheConversationIsRefusedAndNothingIsRelayed() {
        var response = handler.handleRequest(SocketEvents.message(manager, "typing_start",
                "{\"action\":\"typing_start\",\"conversationId\":\"C1\"}"), new TestContext());
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(body(response).path("problem").asText()).endsWith("/not-found");
        var unknown = handler.handleRequest(SocketEvents.message(owner, "typing_start",
                "{\"action\":\"typing_start\",\"conversationId\":\"NOPE\"}"), new TestContext());
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(api.posts).isEmpty();
        assertThat(queued).isEmpty();
    }

    @Test
    void aConversationIdThatIsNoIdIsABadRequest() {
        var response = handler.handleRequest(SocketEvents.message(owner, "typing_start",
                "{\"action\":\"typing_start\",\"conversationId\":\"C1<script>\"}"), new TestContext());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(api.posts).isEmpty();
        assertThat(queued).isEmpty();
    }
}
