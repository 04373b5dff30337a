package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.WebSocketSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flows 12 and 13 through the local cloud with real WebSocket clients: a message reaches the participant who is online
 * at once and the one who is offline by push (and e-mail); a connection that has gone without its $disconnect is
 * forgotten and its user pushed instead; someone outside the conversation is refused on every route; photos whose
 * bytes are not what their upload declared are refused; a reported fault opens its conversation.
 */
@ExtendWith(LocalCloudExtension.class)
class MessagingFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final byte[] JPEG = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1,
            1, 0, 0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};

    @Test
    void aMessageReachesTheOnlineParticipantLiveAndTheOfflineOneByPush(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        String manager = demo.account("manager").orElseThrow().userId();
        String owner = demo.account("owner").orElseThrow().userId();
        String ownerDevice = registerDevice(cloud, "owner");

        try (WebSocketSession tenantLive = cloud.websocket(cloud.cloud().tokenFor(demo.account("tenant").orElseThrow()));
             WebSocketSession managerLive = cloud.websocket(cloud.cloud().tokenFor(demo.account("manager").orElseThrow()))) {
            ApiResponse started = conforms("POST", "/conversations", cloud.as("tenant").header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/conversations", json(Map.of("participantIds", List.of(manager, owner), "title", "Bike room"))));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String conversationId = started.json().path("conversationId").asText();
            assertThat(started.json().path("kind").asText()).isEqualTo("group");

            ApiResponse sent = conforms("POST", "/conversations/{conversationId}/messages", cloud.as("tenant")
                    .post("/conversations/" + conversationId + "/messages", json(Map.of("content", "The bike room door is stuck again"))));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String messageId = sent.json().path("messageId").asText();

            JsonNode live = await(managerLive, m -> m.path("type").asText().equals("message") && m.path("conversationId").asText().equals(conversationId));
            assertThat(live.path("conversationId").asText()).isEqualTo(conversationId);
            assertThat(live.path("message").path("messageId").asText()).isEqualTo(messageId);
            assertThat(live.path("message").path("content").asText()).isEqualTo("The bike room door is stuck again");
            assertThat(await(tenantLive, m -> m.path("type").asText().equals("message") && m.path("conversationId").asText().equals(conversationId))
                    .path("message").path("messageId").asText())
                    .as("the sender's own connection").isEqualTo(messageId);

            JsonNode push = awaitPush(cloud, ownerDevice, "The bike room door is stuck again");
            assertThat(push.toString()).as("the title").contains("Tina Tenant wrote to you");
            assertThat(DelegationFlowTest.awaitMessageContaining(cloud, "owner@domus.local", "The bike room door is stuck again")).isTrue();
            assertThat(cloud.outbox("manager@domus.local")).as("online: no e-mail").noneMatch(m -> m.toString().contains("bike room door"));

            ApiResponse mine = conforms("GET", "/conversations", cloud.as("owner").get("/conversations"));
            JsonNode listed = first(mine.json().path("items"), c -> c.path("conversationId").asText().equals(conversationId));
            assertThat(listed.path("unread").asInt()).isEqualTo(1);

            ApiResponse read = conforms("POST", "/conversations/{conversationId}/read", cloud.as("manager")
                    .post("/conversations/" + conversationId + "/read", json(Map.of("upToMessageId", messageId))));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            JsonNode receipt = await(tenantLive, m -> m.path("type").asText().equals("message.read") && m.path("conversationId").asText().equals(conversationId));
            assertThat(receipt.path("userId").asText()).isEqualTo(manager);

            ApiResponse edited = conforms("PATCH", "/conversations/{conversationId}/messages/{messageId}", cloud.as("tenant")
                    .patch("/conversations/" + conversationId + "/messages/" + messageId, json(Map.of("content", "The bike room door is stuck (east)"))));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(await(managerLive, m -> m.path("type").asText().equals("message.edited") && m.path("conversationId").asText().equals(conversationId)).path("message").path("content").asText())
                    .isEqualTo("The bike room door is stuck (east)");
            ApiResponse deleted = conforms("DELETE", "/conversations/{conversationId}/messages/{messageId}", cloud.as("tenant")
                    .delete("/conversations/" + conversationId + "/messages/" + messageId));
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(await(managerLive, m -> m.path("type").asText().equals("message.deleted") && m.path("conversationId").asText().equals(conversationId)).path("message").path("deleted").asBoolean())
                    .isTrue();
            ApiResponse page = conforms("GET", "/conversations/{conversationId}/messages", cloud.as("owner")
                    .get("/conversations/" + conversationId + "/messages"));
            assertThat(page.json().path("items").get(0).path("deleted").asBoolean()).isTrue();
            assertThat(page.json().path("items").get(0).has("content")).isFalse();
        }
    }

    @Test
    void aConnectionThatHasGoneIsForgottenAndItsUserPushedInstead(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        String owner2 = demo.account("owner2").orElseThrow().userId();
        String device = registerDevice(cloud, "owner2");
        String stale = "stale" + System.nanoTime() + "=";
        long ttl = Instant.now().plusSeconds(3600).getEpochSecond();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            String table = table(cloud);
            // A connection whose $disconnect never came: recorded, following owner2's topic, gone at the gateway.
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("CONNECTION#" + stale), "sk", s("CONNECTION"),
                    "connectionId", s(stale), "userId", s(owner2), "connectedAt", s(Instant.now().toString()),
                    "ttl", AttributeValue.fromN(Long.toString(ttl)), "version", AttributeValue.fromN("1"))));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("CONNECTION#" + stale), "sk", s("TOPIC#user:" + owner2),
                    "gsi1pk", s("TOPIC#user:" + owner2), "gsi1sk", s(stale), "connectionId", s(stale), "topic", s("user:" + owner2),
                    "userId", s(owner2), "ttl", AttributeValue.fromN(Long.toString(ttl)), "version", AttributeValue.fromN("1"))));

            String conversationId = cloud.as("tenant").post("/conversations", json(Map.of("participantIds", List.of(owner2))))
                    .json().path("conversationId").asText();
            assertThat(cloud.as("tenant").post("/conversations/" + conversationId + "/messages",
                    json(Map.of("content", "Are you home for the plumber?"))).status()).isEqualTo(201);

            awaitPush(cloud, device, "Are you home for the plumber?");
            assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("CONNECTION#" + stale), "sk", s("CONNECTION")))).hasItem())
                    .as("the gone connection is forgotten").isFalse();
            assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("CONNECTION#" + stale), "sk", s("TOPIC#user:" + owner2))))
                    .hasItem()).isFalse();
        }
    }

    @Test
    void someoneOutsideTheConversationIsRefusedOnEveryRoute(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        String tenant = demo.account("tenant").orElseThrow().userId();
        String owner3 = demo.account("owner3").orElseThrow().userId();
        String conversationId = cloud.as("tenant").post("/conversations", json(Map.of("participantIds", List.of(owner3))))
                .json().path("conversationId").asText();
        String messageId = cloud.as("tenant").post("/conversations/" + conversationId + "/messages", json(Map.of("content", "private")))
                .json().path("messageId").asText();
        String base = "/conversations/" + conversationId;

        Map<String, Object> stranger = Map.of("sub", "01JD4S6Q0M8Y5C3V7N2B9X1STR", "email", "stranger@example.com");
        for (var who : List.of(cloud.as("technician"), cloud.as("owner"), cloud.withClaims(stranger))) {
            assertThat(conforms("GET", "/conversations/{conversationId}/messages", who.get(base + "/messages")).status()).isEqualTo(404);
            assertThat(conforms("POST", "/conversations/{conversationId}/messages", who.post(base + "/messages", json(Map.of("content", "hi"))))
                    .status()).isEqualTo(404);
            assertThat(conforms("PATCH", "/conversations/{conversationId}/messages/{messageId}",
                    who.patch(base + "/messages/" + messageId, json(Map.of("content", "x")))).status()).isEqualTo(404);
            assertThat(conforms("DELETE", "/conversations/{conversationId}/messages/{messageId}", who.delete(base + "/messages/" + messageId))
                    .status()).isEqualTo(404);
            assertThat(conforms("POST", "/conversations/{conversationId}/read", who.post(base + "/read",
                    json(Map.of("upToMessageId", messageId)))).status()).isEqualTo(404);
            assertThat(conforms("GET", "/conversations", who.get("/conversations")).json().path("items").toString()).doesNotContain(conversationId);
        }
        assertThat(conforms("POST", "/conversations", cloud.withClaims(stranger).post("/conversations",
                json(Map.of("participantIds", List.of(tenant))))).status()).as("no organisation").isEqualTo(404);
        assertThat(conforms("POST", "/conversations", cloud.as("tenant").post("/conversations",
                json(Map.of("participantIds", List.of("01JD4S6Q0M8Y5C3V7N2B9X1STR"))))).status()).as("not of the organisation").isEqualTo(400);
        assertThat(cloud.anonymous().get("/conversations").status()).isEqualTo(401);

        try (WebSocketSession outsider = cloud.websocket(cloud.cloud().tokenFor(demo.account("owner").orElseThrow()))) {
            outsider.send(json(Map.of("action", "subscribe", "topic", "conversation:" + conversationId)));
            JsonNode refused = JSON.readTree(outsider.awaitMessage(Duration.ofSeconds(10)));
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("status").asInt()).isEqualTo(404);
            outsider.send(json(Map.of("action", "subscribe", "topic", "user:" + tenant)));
            assertThat(JSON.readTree(outsider.awaitMessage(Duration.ofSeconds(10))).path("status").asInt()).as("someone else's own topic").isEqualTo(404);
        }
    }

    @Test
    void photosWhoseBytesAreNotWhatTheyClaimAreRefused(LocalCloudClient cloud) throws Exception {
        String manager = cloud.cloud().demoData().account("manager").orElseThrow().userId();
        String conversationId = cloud.as("owner").post("/conversations", json(Map.of("participantIds", List.of(manager))))
                .json().path("conversationId").asText();
        String path = "/conversations/" + conversationId + "/messages";

        String lying = upload(cloud, "owner", "image/png", JPEG);
        ApiResponse refused = conforms("POST", "/conversations/{conversationId}/messages", cloud.as("owner")
                .post(path, json(Map.of("content", "photo", "attachments", List.of(lying)))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("attachments[0]").contains("not the image/png it was declared as");
        String text = upload(cloud, "owner", "image/jpeg", "just text, no image".getBytes());
        assertThat(cloud.as("owner").post(path, json(Map.of("attachments", List.of(text)))).status()).isEqualTo(400);

        String photo = upload(cloud, "owner", "image/png", PNG);
        ApiResponse sent = conforms("POST", "/conversations/{conversationId}/messages", cloud.as("owner")
                .post(path, json(Map.of("attachments", List.of(photo)))));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String url = sent.json().path("attachments").get(0).path("url").asText();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(PNG);
        assertThat(cloud.as("owner").post(path, json(Map.of("attachments", List.of(photo)))).status()).as("an upload is used once").isEqualTo(400);
    }

    @Test
    void aReportedFaultOpensItsConversationWithTheReporterAndTheManagers(LocalCloudClient cloud) throws Exception {
        var ids = cloud.cloud().demoData().ids();
        ApiResponse reported = cloud.as("owner2").post("/faults", json(Map.of("title", "Radiator cold", "description",
                "The radiator in the living room stays cold", "category", "other", "buildingId", ids.get("buildingId"),
                "unitId", ids.get("unit.2A"))));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String faultId = reported.json().path("faultId").asText();

        JsonNode mine = LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/conversations"),
                page -> page.path("items").toString().contains(faultId));
        JsonNode conversation = first(mine.path("items"), c -> faultId.equals(c.path("faultId").asText()));
        assertThat(conversation.path("kind").asText()).isEqualTo("fault");
        assertThat(conversation.path("participantIds").toString()).contains(cloud.cloud().demoData().account("owner2").orElseThrow().userId());
        assertThat(cloud.as("owner2").post("/conversations/" + conversation.path("conversationId").asText() + "/messages",
                json(Map.of("content", "I am home after five"))).status()).isEqualTo(201);
    }

    @Test
    void typingIsRelayedToTheOtherParticipantOnlineAndTheServerStopsItThreeSecondsAfterTheLastStart(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        String tenant = demo.account("tenant").orElseThrow().userId();
        String technician = demo.account("technician").orElseThrow().userId();
        String conversationId = cloud.as("tenant").post("/conversations", json(Map.of("participantIds", List.of(technician))))
                .json().path("conversationId").asText();
        Predicate<JsonNode> typingHere = m -> m.path("type").asText().equals("typing") && m.path("conversationId").asText().equals(conversationId);

        try (WebSocketSession tenantLive = cloud.websocket(cloud.cloud().tokenFor(demo.account("tenant").orElseThrow()));
             WebSocketSession technicianLive = cloud.websocket(cloud.cloud().tokenFor(demo.account("technician").orElseThrow()))) {
            tenantLive.send(json(Map.of("action", "typing_start", "conversationId", conversationId)));
            JsonNode started = await(technicianLive, typingHere);
            assertThat(started.path("userId").asText()).isEqualTo(tenant);
            assertThat(started.path("typing").asBoolean()).isTrue();
            tenantLive.send(json(Map.of("action", "typing_stop", "conversationId", conversationId)));
            assertThat(await(technicianLive, typingHere).path("typing").asBoolean()).isFalse();

            tenantLive.send(json(Map.of("action", "typing_start", "conversationId", conversationId)));
            assertThat(await(technicianLive, typingHere).path("typing").asBoolean()).isTrue();
            Thread.sleep(1500);
            tenantLive.send(json(Map.of("action", "typing_start", "conversationId", conversationId)));
            long lastStart = System.nanoTime();
            assertThat(await(technicianLive, typingHere).path("typing").asBoolean()).isTrue();
            JsonNode quiet = await(technicianLive, typingHere);
            long afterMillis = (System.nanoTime() - lastStart) / 1_000_000;
            assertThat(quiet.path("typing").asBoolean()).as("the server's own typing: false").isFalse();
            assertThat(afterMillis).as("3 s after the last start, not the first").isBetween(2_900L, 6_000L);

            technicianLive.send(json(Map.of("action", "typing_start", "conversationId", "01JD4S6Q0M8Y5C3V7N2B9X1KZZ")));
            JsonNode refused = JSON.readTree(technicianLive.awaitMessage(Duration.ofSeconds(10)));
            assertThat(refused.path("status").asInt()).as("a conversation one is not in").isEqualTo(404);
        }
    }

    @Test
    void everyNotificationIsInItsUsersHistoryAndGoesLiveWhileTheyAreOnline(LocalCloudClient cloud) throws Exception {
        var demo = cloud.cloud().demoData();
        var ids = demo.ids();
        try (WebSocketSession managerLive = cloud.websocket(cloud.cloud().tokenFor(demo.account("manager").orElseThrow()))) {
            ApiResponse reported = cloud.as("owner3").post("/faults", json(Map.of("title", "Door bell broken", "description",
                    "The door bell of flat 3A does not ring", "category", "other", "buildingId", ids.get("buildingId"),
                    "unitId", ids.get("unit.3A"))));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);

            JsonNode live = await(managerLive, m -> m.path("type").asText().equals("notification")
                    && m.path("notification").toString().contains("Door bell broken"));
            assertThat(live.path("unread").asInt()).isPositive();
            String notificationId = live.path("notification").path("notificationId").asText();

            ApiResponse history = conforms("GET", "/notifications", cloud.as("manager").get("/notifications"));
            assertThat(history.status()).isEqualTo(200);
            JsonNode listed = first(history.json().path("items"), n -> n.path("notificationId").asText().equals(notificationId));
            assertThat(listed.path("read").asBoolean()).isFalse();
            assertThat(listed.path("channels").toString()).contains("email");
            int unread = history.json().path("unread").asInt();
            assertThat(unread).isPositive();

            ApiResponse read = conforms("POST", "/notifications/{notificationId}/read", cloud.as("manager")
                    .post("/notifications/" + notificationId + "/read", ""));
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("read").asBoolean()).isTrue();
            assertThat(cloud.as("manager").get("/notifications").json().path("unread").asInt()).isEqualTo(unread - 1);
            assertThat(conforms("POST", "/notifications/{notificationId}/read", cloud.as("owner")
                    .post("/notifications/" + notificationId + "/read", "")).status()).as("someone else's").isEqualTo(404);

            ApiResponse all = conforms("POST", "/notifications/read-all", cloud.as("manager").post("/notifications/read-all", ""));
            assertThat(all.status()).isEqualTo(200);
            assertThat(cloud.as("manager").get("/notifications").json().path("items"))
                    .allSatisfy(n -> assertThat(n.path("read").asBoolean()).isTrue());
        }
    }

    static String registerDevice(LocalCloudClient cloud, String who) {
        String token = "fcm-" + who + "-" + UUID.randomUUID().toString().replace("-", "");
        ApiResponse device = cloud.as(who).post("/me/devices", json(Map.of("platform", "FCM", "token", token)));
        assertThat(device.status()).as(device.body()).isIn(200, 201);
        return token;
    }

    static JsonNode awaitPush(LocalCloudClient cloud, String deviceToken, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode m : cloud.outbox(null)) {
                if (m.path("channel").asText().equals("push") && m.toString().contains(deviceToken) && m.toString().contains(text)) return m;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No push with \"" + text + "\" to device " + deviceToken);
    }

    static JsonNode await(WebSocketSession socket, Predicate<JsonNode> matching) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String raw = socket.awaitMessage(Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())));
            if (raw == null) break;
            JsonNode message = JSON.readTree(raw);
            if (matching.test(message)) return message;
        }
        throw new AssertionError("No such message on the socket");
    }

    private static String upload(LocalCloudClient cloud, String who, String contentType, byte[] bytes) throws Exception {
        ApiResponse upload = cloud.as(who).post("/uploads", json(Map.of("contentType", contentType, "sizeBytes", bytes.length)));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.json().path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.json().path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) put.header(h.getKey(), h.getValue().asText());
        });
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        return upload.json().path("uploadId").asText();
    }

    private static JsonNode first(JsonNode items, Predicate<JsonNode> matching) {
        for (JsonNode item : items) if (matching.test(item)) return item;
        throw new AssertionError("None matches in " + items);
    }

    static String table(LocalCloudClient cloud) {
        return cloud.cloud().deployment().names().ref(cloud.cloud().deployment().template().resource("DomusTable"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
