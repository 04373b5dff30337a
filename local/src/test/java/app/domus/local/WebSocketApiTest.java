package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import app.domus.local.testing.WebSocketSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** The WebSocket API: authorised connect, routing by {@code action}, route responses, {@code @connections}, disconnect. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class WebSocketApiTest {

    @Test
    void refusesAConnectionWithoutTheIdentitySource(LocalCloudClient cloud) {
        assertThatThrownBy(() -> cloud.websocket(null))
                .isInstanceOfSatisfying(WebSocketSession.HandshakeRejected.class, rejected -> assertThat(rejected.status()).isEqualTo(401));
    }

    @Test
    void refusesAConnectionTheAuthorizerDenies(LocalCloudClient cloud) {
        assertThatThrownBy(() -> cloud.websocket("wrong"))
                .isInstanceOfSatisfying(WebSocketSession.HandshakeRejected.class, rejected -> assertThat(rejected.status()).isEqualTo(403));
    }

    @Test
    void routesMessagesByActionAndLetsFunctionsPostToTheConnection(LocalCloudClient cloud) throws Exception {
        try (WebSocketSession session = cloud.websocket("let-me-in")) {
            JsonNode connect = Recorded.await("ChatFunction", event -> event.path("routeKey").asText().equals("$connect"), Duration.ofSeconds(5));
            assertThat(connect.path("authorizer").asText()).contains("userId=user-1").contains("principalId=user-1");
            assertThat(connect.path("chatUrl").asText()).isEqualTo(cloud.cloud().endpoints().webSocketUrl());

            session.send("{\"action\":\"echo\",\"text\":\"hi\"}");
            assertThat(session.awaitMessage(Duration.ofSeconds(10))).isEqualTo("echo: {\"action\":\"echo\",\"text\":\"hi\"}");

            session.send("{\"action\":\"unknown\"}");
            assertThat(session.awaitMessage(Duration.ofSeconds(10))).isEqualTo("default: {\"action\":\"unknown\"}");

            session.send("not json");
            assertThat(session.awaitMessage(Duration.ofSeconds(10))).isEqualTo("default: not json");
        }
    }

    @Test
    void offersTheConnectionsApiAndRunsDisconnect(LocalCloudClient cloud) throws Exception {
        String marker = java.util.UUID.randomUUID().toString();
        WebSocketSession session = cloud.websocket("let-me-in");
        session.send("{\"action\":\"echo\",\"marker\":\"" + marker + "\"}");
        session.awaitMessage(Duration.ofSeconds(10));
        String connectionId = Recorded.await("ChatFunction", event -> event.path("body").asText().contains(marker), Duration.ofSeconds(5))
                .path("connectionId").asText();
        URI management = URI.create(cloud.cloud().endpoints().awsUrl() + "/test");

        try (ApiGatewayManagementApiClient connections = ApiGatewayManagementApiClient.builder().endpointOverride(management).build()) {
            GetConnectionResponse described = connections.getConnection(request -> request.connectionId(connectionId));
            assertThat(described.identity().sourceIp()).isEqualTo("127.0.0.1");
            assertThat(described.connectedAt()).isNotNull();

            connections.deleteConnection(request -> request.connectionId(connectionId));

            Recorded.await("ChatFunction", event -> event.path("routeKey").asText().equals("$disconnect")
                    && event.path("connectionId").asText().equals(connectionId), Duration.ofSeconds(5));
            assertThatThrownBy(() -> connections.postToConnection(request -> request.connectionId(connectionId)
                    .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("late")))).isInstanceOf(GoneException.class);
        }
    }
}
