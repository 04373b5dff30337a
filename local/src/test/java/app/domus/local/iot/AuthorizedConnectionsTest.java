package app.domus.local.iot;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.LocalResourceNames;
import app.domus.local.runtime.FunctionDefinition;
import app.domus.local.runtime.Functions;
import app.domus.local.testfunctions.MqttDeviceAuthorizerHandler;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which policy governs a client id while Moquette reports its connections late. */
class AuthorizedConnectionsTest {
    private static final LocalResourceNames NAMES = new LocalResourceNames("eu-central-1", "http://127.0.0.1:1");
    private static final Functions FUNCTIONS = new Functions(List.of(new FunctionDefinition("ConnectionsAuthorizerFunction",
            MqttDeviceAuthorizerHandler.class.getName(), Duration.ofSeconds(10), 512,
            Map.of("IOT_ARN_PREFIX", "arn:aws:iot:eu-central-1:" + LocalResourceNames.ACCOUNT), NAMES.functionArn("ConnectionsAuthorizerFunction"))));
    private static final byte[] SECRET = MqttDeviceAuthorizerHandler.SECRET.getBytes(StandardCharsets.UTF_8);
    private static final Topic OWN_READINGS = new Topic("meters/dev-1/readings");

    private static final DeviceAuthorizer.Authorizer DEVICES =
            new DeviceAuthorizer.Authorizer("devices", "DeviceAuthorizer", FUNCTIONS.get("ConnectionsAuthorizerFunction"));

    private final AuthorizedConnections connections = new AuthorizedConnections(new DeviceAuthorizer(List.of(DEVICES), DEVICES, NAMES, Duration.ofSeconds(5)));

    @AfterAll
    static void stopFunctions() {
        FUNCTIONS.close();
    }

    private static InterceptConnectMessage connected(String clientId) {
        return new InterceptConnectMessage(MqttMessageBuilders.connect().clientId(clientId).build());
    }

    @Test
    void aConnectionKeepsItsPolicyFromAuthenticationUntilItIsGone() {
        assertThat(connections.checkValid("dev-1", "dev-1", SECRET)).isTrue();
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).as("before the connect is reported").isTrue();

        connections.onConnect(connected("dev-1"));
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).isTrue();
        assertThat(connections.canWrite(new Topic("meters/dev-2/readings"), "dev-1", "dev-1")).isFalse();
        assertThat(connections.canRead(new Topic("commands/dev-1/#"), "dev-1", "dev-1")).isTrue();
        assertThat(connections.canRead(new Topic("commands/#"), "dev-1", "dev-1")).isFalse();

        connections.onDisconnect(new InterceptDisconnectMessage("dev-1", "dev-1"));
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).isFalse();
    }

    @Test
    void aClientReconnectingBeforeItsOldConnectionIsReportedGoneKeepsItsNewPolicy() {
        connections.checkValid("dev-1", "dev-1", SECRET);
        connections.onConnect(connected("dev-1"));

        assertThat(connections.checkValid("dev-1", "dev-1", SECRET)).isTrue();
        connections.onConnectionLost(new InterceptConnectionLostMessage("dev-1", "dev-1"));
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).isTrue();
        connections.onConnect(connected("dev-1"));
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).isTrue();
    }

    @Test
    void aRefusedClientGetsNoPolicy() {
        assertThat(connections.checkValid("dev-1", "dev-1", "guess".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(connections.canWrite(OWN_READINGS, "dev-1", "dev-1")).isFalse();
    }
}
