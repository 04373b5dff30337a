package app.domus.meters.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.meters.MetersFixture;
import app.domus.meters.registry.DeviceService;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IoT Core's custom authorizer: a registered device gets a policy for its own topic; anything else is refused alike. */
class DeviceAuthorizerHandlerTest {
    private static final String ARN = "arn:aws:iot:eu-central-1:123456789012";
    private final MetersFixture f = new MetersFixture();
    private final DeviceService.Registered device = f.devices.register(DirectoryWorld.caller(f.manager), f.electricityMeter().getId());
    private final DeviceAuthorizerHandler authorizer = new DeviceAuthorizerHandler(f.devices, ARN);

    private Map<String, Object> connect(String username, String clientId, String password) {
        Map<String, Object> mqtt = new java.util.HashMap<>();
        mqtt.put("username", username);
        mqtt.put("clientId", clientId);
        if (password != null) mqtt.put("password", Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        return authorizer.authorize(Map.of("protocols", List.of("mqtt"), "protocolData", Map.of("mqtt", mqtt)));
    }

    @Test
    void aRegisteredDeviceMayConnectAsItselfAndPublishToItsOwnTopicOnly() {
        String id = device.device().getId();
        Map<String, Object> answer = connect(id, id, device.secret());
        assertThat(answer).containsEntry("isAuthenticated", true).containsEntry("refreshAfterInSeconds", 3600);
        @SuppressWarnings("unchecked")
        List<String> documents = (List<String>) answer.get("policyDocuments");
        JsonNode statements = Json.tree(documents.get(0)).path("Statement");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).path("Resource").asText()).isEqualTo(ARN + ":client/" + id);
        assertThat(statements.get(1).path("Action").asText()).isEqualTo("iot:Publish");
        assertThat(statements.get(1).path("Resource").asText()).isEqualTo(ARN + ":topic/meters/" + id + "/readings");
    }

    @Test
    void aWrongSecretAnotherClientIdAnUnknownOrRevokedDeviceAreRefused() {
        String id = device.device().getId();
        assertThat(connect(id, id, device.secret() + "x")).containsExactly(Map.entry("isAuthenticated", false));
        assertThat(connect(id, "someone-else", device.secret())).containsEntry("isAuthenticated", false);
        assertThat(connect("dev-unknown", "dev-unknown", device.secret())).containsEntry("isAuthenticated", false);
        assertThat(connect(id, id, null)).containsEntry("isAuthenticated", false);
        f.devices.revoke(DirectoryWorld.caller(f.manager), id);
        assertThat(connect(id, id, device.secret())).containsEntry("isAuthenticated", false);
    }

    @Test
    void aMalformedEventIsRefusedNotThrown() {
        assertThat(authorizer.authorize(Map.of())).containsEntry("isAuthenticated", false);
        assertThat(authorizer.authorize(Map.of("protocolData", "nonsense"))).containsEntry("isAuthenticated", false);
    }
}
