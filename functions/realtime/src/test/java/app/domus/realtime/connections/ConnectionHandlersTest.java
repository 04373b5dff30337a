package app.domus.realtime.connections;

import static app.domus.realtime.RealtimeFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.realtime.RealtimeFixture;
import app.domus.realtime.testing.SocketEvents;
import app.domus.shared.testing.TestContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConnectionHandlersTest {
    private final RealtimeFixture f = new RealtimeFixture();
    private final ConnectHandler connect = new ConnectHandler(f.connections);
    private final DisconnectHandler disconnect = new DisconnectHandler(f.connections);
    private final SubscribeHandler subscribe = new SubscribeHandler(f.access, f.connections, f.topics);
    private final UnsubscribeHandler unsubscribe = new UnsubscribeHandler(f.connections);
    private final DefaultRouteHandler fallback = new DefaultRouteHandler();

    private static APIGatewayV2WebSocketResponse call(RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> handler,
                                                      APIGatewayV2WebSocketEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    private String connected(String userId) {
        String connectionId = "conn" + System.nanoTime() + "=";
        assertThat(call(connect, SocketEvents.connect(connectionId, userId)).getStatusCode()).isEqualTo(200);
        return connectionId;
    }

    private APIGatewayV2WebSocketResponse subscribe(String connectionId, String topic) {
        return call(subscribe, SocketEvents.message(connectionId, "subscribe",
                "{\"action\":\"subscribe\",\"topic\":\"" + topic + "\"}"));
    }

    private static JsonNode assertError(APIGatewayV2WebSocketResponse response, int status, String type) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        JsonNode error = body(response);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("problem").asText()).isEqualTo("https://problems.domus.app/" + type);
        return error;
    }

    @Test
    void connectRecordsTheAdmittedUserUntilTheConnectionsTwoHourLimit() {
        String connectionId = connected(f.owner);

        ConnectionItem stored = f.connections.find(connectionId).orElseThrow();
        assertThat(stored.getPk()).isEqualTo("CONNECTION#" + connectionId);
        assertThat(stored.getUserId()).isEqualTo(f.owner);
        assertThat(stored.getTtl()).isEqualTo(RealtimeFixture.START.plus(Duration.ofHours(2)).getEpochSecond());
    }

    @Test
    void connectWithoutTheAuthorizersUserIsRefusedAndStoresNothing() {
        int before = f.itemCount();

        APIGatewayV2WebSocketResponse response = call(connect, SocketEvents.connect("conn1=", null));

        assertError(response, 401, "unauthorized");
        assertThat(f.itemCount()).isEqualTo(before);
    }

    @Test
    void aRetriedConnectKeepsTheFirstRecord() {
        assertThat(call(connect, SocketEvents.connect("conn2=", f.owner)).getStatusCode()).isEqualTo(200);
        assertThat(call(connect, SocketEvents.connect("conn2=", f.owner)).getStatusCode()).isEqualTo(200);

        assertThat(f.connections.find("conn2=").orElseThrow().getVersion()).isEqualTo(1L);
    }

    @Test
    void readersOfTheBuildingSubscribeToItsTopics() {
        for (String reader : new String[] {f.owner, f.tenant, f.manager}) {
            String connectionId = connected(reader);

            APIGatewayV2WebSocketResponse response = subscribe(connectionId, "vote:VOTE1");

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(body(response).path("type").asText()).isEqualTo("subscribed");
            assertThat(body(response).path("topic").asText()).isEqualTo("vote:VOTE1");
        }
        assertThat(f.subscriptionsOf("vote:VOTE1")).hasSize(3).allSatisfy(s -> {
            assertThat(s.getGsi1pk()).isEqualTo("TOPIC#vote:VOTE1");
            assertThat(s.getPk()).isEqualTo("CONNECTION#" + s.getConnectionId());
            assertThat(s.getTtl()).isEqualTo(f.connections.find(s.getConnectionId()).orElseThrow().getTtl());
        });
    }

    @Test
    void subscribingTwiceIsSubscribingOnce() {
        String connectionId = connected(f.owner);
        subscribe(connectionId, "vote:VOTE1");
        subscribe(connectionId, "vote:VOTE1");

        assertThat(f.subscriptionsOf("vote:VOTE1")).hasSize(1);
    }

    @Test
    void outsidersAndOtherBuildingsCannotFollowATopicAndLearnNothingAboutIt() {
        String outsider = connected(f.outsider);
        String otherManager = connected(f.managerOfA2);
        int before = f.itemCount();

        JsonNode notFound = assertError(subscribe(outsider, "vote:VOTE1"), 404, "not-found");
        assertThat(notFound.path("message").asText()).isEqualTo("The topic was not found");
        assertError(subscribe(otherManager, "vote:VOTE1"), 403, "forbidden");
        assertError(subscribe(outsider, "vote:NOSUCHVOTE"), 404, "not-found");
        assertThat(f.itemCount()).isEqualTo(before);
    }

    @Test
    void anExpiredConnectionCannotSubscribe() {
        String connectionId = connected(f.owner);
        f.clock.advance(Duration.ofHours(2).plusSeconds(1));

        assertError(subscribe(connectionId, "vote:VOTE1"), 401, "unauthorized");
        assertThat(f.subscriptionsOf("vote:VOTE1")).isEmpty();
    }

    @Test
    void aConnectionFollowsAtMostTwentyTopics() {
        String connectionId = connected(f.owner);
        for (int i = 0; i < ConnectionStore.MAX_TOPICS_PER_CONNECTION; i++) {
            f.topic("vote:V" + i, f.buildingA1);
            assertThat(subscribe(connectionId, "vote:V" + i).getStatusCode()).isEqualTo(200);
        }

        assertError(subscribe(connectionId, "vote:VOTE1"), 409, "conflict");
        assertThat(subscribe(connectionId, "vote:V0").getStatusCode()).as("already followed").isEqualTo(200);
    }

    static Stream<Arguments> badMessages() {
        return Stream.of(
                Arguments.of("{\"action\":\"subscribe\",", 400, "malformed-json"),
                Arguments.of("{\"action\":\"subscribe\"}", 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":42}", 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":[\"vote:VOTE1\"]}", 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":\"vote:<script>\"}", 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":\"TOPIC#vote:VOTE1\"}", 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":\"vote:VOTE1\\u0000\"}", 400, "validation-error"),
                Arguments.of(null, 400, "validation-error"),
                Arguments.of("{\"action\":\"subscribe\",\"topic\":\"" + "a".repeat(5000) + "\"}", 413, "payload-too-large"));
    }

    @ParameterizedTest
    @MethodSource("badMessages")
    void badMessagesAreAnsweredWithAnErrorAndStoreNothing(String message, int status, String type) {
        String connectionId = connected(f.owner);
        int before = f.itemCount();

        assertError(call(subscribe, SocketEvents.message(connectionId, "subscribe", message)), status, type);
        assertThat(f.itemCount()).isEqualTo(before);
    }

    @Test
    void unsubscribeStopsFollowing() {
        String connectionId = connected(f.owner);
        subscribe(connectionId, "vote:VOTE1");

        APIGatewayV2WebSocketResponse response = call(unsubscribe, SocketEvents.message(connectionId, "unsubscribe",
                "{\"action\":\"unsubscribe\",\"topic\":\"vote:VOTE1\"}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).path("type").asText()).isEqualTo("unsubscribed");
        assertThat(f.subscriptionsOf("vote:VOTE1")).isEmpty();
        assertThat(f.connections.find(connectionId)).isPresent();
    }

    @Test
    void unsubscribeRefusesBadMessages() {
        String connectionId = connected(f.owner);
        subscribe(connectionId, "vote:VOTE1");

        assertError(call(unsubscribe, SocketEvents.message(connectionId, "unsubscribe", "{\"action\":\"unsubscribe\"}")),
                400, "validation-error");
        assertError(call(unsubscribe, SocketEvents.message(connectionId, "unsubscribe", "{\"topic\":")), 400, "malformed-json");
        assertThat(f.subscriptionsOf("vote:VOTE1")).hasSize(1);
    }

    @Test
    void disconnectForgetsTheConnectionAndEverythingItFollowed() {
        f.topic("vote:VOTE2", f.buildingA1);
        String leaving = connected(f.owner);
        String staying = connected(f.tenant);
        subscribe(leaving, "vote:VOTE1");
        subscribe(leaving, "vote:VOTE2");
        subscribe(staying, "vote:VOTE1");

        assertThat(call(disconnect, SocketEvents.disconnect(leaving)).getStatusCode()).isEqualTo(200);

        assertThat(f.connections.find(leaving)).isEmpty();
        assertThat(f.subscriptionsOf("vote:VOTE2")).isEmpty();
        assertThat(f.subscriptionsOf("vote:VOTE1")).extracting(SubscriptionItem::getConnectionId).containsExactly(staying);
    }

    @Test
    void theDefaultRouteAnswersWhatTheApiUnderstands() {
        String connectionId = connected(f.owner);

        JsonNode error = assertError(call(fallback, SocketEvents.message(connectionId, "$default", "{\"action\":\"dance\"}")),
                400, "validation-error");
        assertThat(error.path("errors").path(0).path("field").asText()).isEqualTo("action");
        assertThat(error.path("errors").path(0).path("message").asText()).contains("subscribe");
    }

    @Test
    void anEventWithoutAValidConnectionIdIsRefused() {
        assertError(call(connect, SocketEvents.connect("bad id with spaces", f.owner)), 400, "validation-error");
        assertError(call(disconnect, SocketEvents.disconnect(null)), 400, "validation-error");
    }

    @Test
    void everyConnectionFollowsItsUsersPersonalTopicAndNoOneElseMay() {
        String phone = connected(f.owner);
        String laptop = connected(f.owner);

        assertThat(f.subscriptionsOf("user:" + f.owner)).extracting(SubscriptionItem::getConnectionId).containsExactlyInAnyOrder(phone, laptop);
        assertThat(subscribe(phone, "user:" + f.owner).getStatusCode()).as("again: no change").isEqualTo(200);
        assertThat(f.subscriptionsOf("user:" + f.owner)).hasSize(2);

        assertError(subscribe(connected(f.manager), "user:" + f.owner), 404, "not-found");
        assertThat(f.subscriptionsOf("user:" + f.owner)).hasSize(2);
    }

    @Test
    void aTopicWithMembersIsFollowedByItsMembersOnlyWhoeverReadsTheBuilding() {
        var topic = app.domus.shared.live.LiveTopicItem.of("conversation:C1", f.orgA, null, RealtimeFixture.START.toString());
        topic.setMemberIds(java.util.List.of(f.owner, f.tenant));
        f.table.of(app.domus.shared.live.LiveTopicItem.class).putItem(topic);

        assertThat(subscribe(connected(f.tenant), "conversation:C1").getStatusCode()).isEqualTo(200);
        assertError(subscribe(connected(f.manager), "conversation:C1"), 404, "not-found");
        assertError(subscribe(connected(f.outsider), "conversation:C1"), 404, "not-found");
        assertThat(f.subscriptionsOf("conversation:C1")).hasSize(1);
    }
}
