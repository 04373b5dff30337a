package app.domus.local.iot;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.LocalResourceNames;
import app.domus.local.runtime.FunctionDefinition;
import app.domus.local.runtime.Functions;
import app.domus.local.testfunctions.MqttDeviceAuthorizerHandler;
import app.domus.local.testfunctions.Recorded;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The custom authorizer's event and how its answer is judged, on the test authorizer function. */
class DeviceAuthorizerTest {
    private static final String REGION = "eu-central-1";
    private static final String ARN = "arn:aws:iot:" + REGION + ":" + LocalResourceNames.ACCOUNT + ":";
    private static final LocalResourceNames NAMES = new LocalResourceNames(REGION, "http://127.0.0.1:1");
    private static final Functions FUNCTIONS = new Functions(List.of(
            function("UnitDeviceAuthorizerFunction", MqttDeviceAuthorizerHandler.class.getName()),
            function("UnitRecordingFunction", "app.domus.local.testfunctions.RecordingHandler::handleRequest")));
    private static final DeviceAuthorizer.Authorizer DEVICES =
            new DeviceAuthorizer.Authorizer("domus-local-devices", "DeviceAuthorizer", FUNCTIONS.get("UnitDeviceAuthorizerFunction"));
    /** Answers {"ok": true}, which is no authentication. */
    private static final DeviceAuthorizer.Authorizer OTHER =
            new DeviceAuthorizer.Authorizer("domus-local-other", "OtherAuthorizer", FUNCTIONS.get("UnitRecordingFunction"));

    private final DeviceAuthorizer authorizer = new DeviceAuthorizer(List.of(DEVICES, OTHER), DEVICES, NAMES, Duration.ofMillis(500));

    private static FunctionDefinition function(String logicalId, String handler) {
        return new FunctionDefinition(logicalId, handler, Duration.ofSeconds(10), 512,
                Map.of("IOT_ARN_PREFIX", "arn:aws:iot:" + REGION + ":" + LocalResourceNames.ACCOUNT), NAMES.functionArn(logicalId));
    }

    @AfterAll
    static void stopFunctions() {
        FUNCTIONS.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendsAwsCustomAuthorizerEventWithTheBase64Password() throws InterruptedException {
        String device = "dev-" + UUID.randomUUID();

        authorizer.authorize(device, device, bytes(MqttDeviceAuthorizerHandler.SECRET));

        JsonNode event = Recorded.await("UnitDeviceAuthorizerFunction",
                recorded -> device.equals(recorded.path("protocolData").path("mqtt").path("clientId").asText()), Duration.ofSeconds(1));
        assertThat(event.path("protocolData").path("mqtt").path("username").asText()).isEqualTo(device);
        assertThat(event.path("protocolData").path("mqtt").path("password").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(bytes(MqttDeviceAuthorizerHandler.SECRET)));
        assertThat(event.path("protocols").toString()).isEqualTo("[\"mqtt\"]");
        assertThat(event.path("signatureVerified").asBoolean(true)).isFalse();
        assertThat(event.path("connectionMetadata").path("id").asText()).hasSize(36);
        assertThat(event.has("token")).as("no token without signing").isFalse();
    }

    @Test
    void admitsARegisteredDeviceWithThePolicyItWasGiven() {
        DeviceAuthorizer.Decision decision = authorizer.authorize("dev-1", "dev-1", bytes(MqttDeviceAuthorizerHandler.SECRET));

        assertThat(decision.admitted()).as(decision.refusal()).isTrue();
        assertThat(decision.principalId()).isEqualTo("dev1");
        assertThat(decision.policy().allows("iot:Publish", ARN + "topic/meters/dev-1/readings", "dev-1")).isTrue();
        assertThat(decision.policy().allows("iot:Publish", ARN + "topic/meters/dev-2/readings", "dev-1")).isFalse();
        assertThat(authorizer.authorize("dev-object-1", "dev-object-1", bytes(MqttDeviceAuthorizerHandler.SECRET)).admitted())
                .as("a policy document given as an object").isTrue();
    }

    @Test
    void refusesWhatTheAuthorizerRefusesAndClientIdsItsPolicyDoesNotLetConnect() {
        assertThat(authorizer.authorize("dev-1", "dev-1", bytes("guess")).refusal()).contains("isAuthenticated: false");
        assertThat(authorizer.authorize("dev-1", "dev-1", null).refusal()).contains("isAuthenticated: false");
        assertThat(authorizer.authorize("someone-else", "dev-1", bytes(MqttDeviceAuthorizerHandler.SECRET)).refusal())
                .isEqualTo("its policy does not allow iot:Connect on " + ARN + "client/someone-else");
    }

    @Test
    void refusesWhenTheAuthorizerFailsOrOverrunsIotCoresTimeLimit() {
        assertThat(authorizer.authorize("broken", "broken", bytes(MqttDeviceAuthorizerHandler.SECRET)).refusal())
                .contains("failed").contains("the device registry is down");

        long started = System.nanoTime();
        DeviceAuthorizer.Decision slow = authorizer.authorize("slow", "slow", bytes(MqttDeviceAuthorizerHandler.SECRET));
        assertThat(slow.refusal()).isEqualTo("domus-local-devices did not answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void usesTheAuthorizerTheUserNameNamesElseTheDefault() {
        String secret = MqttDeviceAuthorizerHandler.SECRET;
        assertThat(authorizer.authorize("dev-1", "dev-1?x-amz-customauthorizer-name=domus-local-other", bytes(secret)).refusal())
                .isEqualTo("domus-local-other answered isAuthenticated: false");
        assertThat(authorizer.authorize("dev-1", "dev-1?x-amz-customauthorizer-name=nobody", bytes(secret)).refusal()).startsWith("no authorizer");

        DeviceAuthorizer withoutDefault = new DeviceAuthorizer(List.of(DEVICES, OTHER), null, NAMES, Duration.ofMillis(500));
        assertThat(withoutDefault.authorize("dev-1", "dev-1", bytes(secret)).refusal()).startsWith("no authorizer");
    }
}
