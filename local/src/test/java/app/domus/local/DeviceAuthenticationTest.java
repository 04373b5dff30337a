package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.local.testfunctions.MqttDeviceAuthorizerHandler;
import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Smart meters connect to the broker through the template's IoT custom authorizer, and stay within the policy it gave
 * them; the meter rule sends what they publish, JSON or not, to a queue.
 */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:iot-devices-template.yaml")
class DeviceAuthenticationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String newDeviceId() {
        return "dev-" + UUID.randomUUID();
    }

    private static MqttClient connect(LocalCloud cloud, String clientId, String username, String password) throws MqttException {
        MqttClient client = new MqttClient(cloud.endpoints().mqttUrl(), clientId, new MemoryPersistence());
        client.setTimeToWait(5_000);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        if (username != null) options.setUserName(username);
        if (password != null) options.setPassword(password.toCharArray());
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static MqttClient connectAsDevice(LocalCloud cloud, String deviceId) throws MqttException {
        return connect(cloud, deviceId, deviceId, MqttDeviceAuthorizerHandler.SECRET);
    }

    private static void close(MqttClient client) throws MqttException {
        client.disconnect();
        client.close();
    }

    @Test
    void aRegisteredDeviceConnectsAndItsReadingReachesTheQueue(LocalCloud cloud) throws Exception {
        String deviceId = newDeviceId();
        String reading = "{\"deviceId\":\"" + deviceId + "\",\"value\":1234.5,\"timestamp\":\"2026-12-01T10:00:00Z\"}";

        MqttClient device = connectAsDevice(cloud, deviceId);
        device.publish("meters/" + deviceId + "/readings", reading.getBytes(StandardCharsets.UTF_8), 1, false);
        close(device);

        JsonNode message = ReadingsQueue.await(ReadingsQueue.fromClient(deviceId), 1, WAIT).getFirst();
        assertThat(ReadingsQueue.payloadText(message)).isEqualTo(reading);
        assertThat(message.path("topic").asText()).isEqualTo("meters/" + deviceId + "/readings");
        assertThat(message.path("receivedAt").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));

        JsonNode event = Recorded.await("DeviceAuthorizerFunction",
                recorded -> deviceId.equals(recorded.path("protocolData").path("mqtt").path("clientId").asText()), WAIT);
        assertThat(event.path("protocolData").path("mqtt").path("username").asText()).isEqualTo(deviceId);
        assertThat(event.path("protocolData").path("mqtt").path("password").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(MqttDeviceAuthorizerHandler.SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(Recorded.of("RetiredAuthorizerFunction")).as("an INACTIVE authorizer is never asked").isEmpty();
    }

    @Test
    void aGarbagePayloadReachesTheQueueByteForByte(LocalCloud cloud) throws Exception {
        String deviceId = newDeviceId();
        byte[] garbage = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, '{', '"'};

        MqttClient device = connectAsDevice(cloud, deviceId);
        device.publish("meters/" + deviceId + "/readings", garbage, 1, false);
        close(device);

        assertThat(ReadingsQueue.payload(ReadingsQueue.await(ReadingsQueue.fromClient(deviceId), 1, WAIT).getFirst())).isEqualTo(garbage);
    }

    @Test
    void refusesWrongPasswordsUnknownDevicesAndAnonymousClients(LocalCloud cloud) {
        String deviceId = newDeviceId();

        assertRefused(() -> connect(cloud, deviceId, deviceId, "guess"));
        assertRefused(() -> connect(cloud, "meter-7", "meter-7", MqttDeviceAuthorizerHandler.SECRET));
        assertRefused(() -> connect(cloud, "anonymous-" + UUID.randomUUID(), null, null));
    }

    @Test
    void refusesAClientIdThePolicyDoesNotLetConnect(LocalCloud cloud) {
        String deviceId = newDeviceId();

        assertRefused(() -> connect(cloud, "not-" + deviceId, deviceId, MqttDeviceAuthorizerHandler.SECRET));
    }

    @Test
    void refusesWhileTheAuthorizerFailsAndAdmitsAgainAfterwards(LocalCloud cloud) throws Exception {
        assertRefused(() -> connect(cloud, "broken", "broken", MqttDeviceAuthorizerHandler.SECRET));

        close(connectAsDevice(cloud, newDeviceId()));
    }

    @Test
    void dropsAPublishToAnotherDevicesTopicWhileItsOwnStillWorks(LocalCloud cloud) throws Exception {
        String deviceId = newDeviceId();
        String otherDevice = newDeviceId();

        MqttClient device = connectAsDevice(cloud, deviceId);
        // QoS 0: the broker acknowledges no disallowed publish, so a QoS 1 one would wait out its PUBACK.
        device.publish("meters/" + otherDevice + "/readings", "{\"value\": 1}".getBytes(StandardCharsets.UTF_8), 0, false);
        device.publish("meters/" + deviceId + "/readings", "{\"value\": 2}".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(device.isConnected()).isTrue();
        close(device);

        ReadingsQueue.await(ReadingsQueue.fromClient(deviceId), 1, WAIT);
        List<JsonNode> published = ReadingsQueue.settled(ReadingsQueue.fromClient(deviceId), Duration.ofSeconds(1));
        assertThat(published).extracting(message -> message.path("topic").asText()).containsExactly("meters/" + deviceId + "/readings");
    }

    @Test
    void aDeviceReconnectingAtOnceKeepsPublishing(LocalCloud cloud) throws Exception {
        String deviceId = newDeviceId();

        for (int connection = 1; connection <= 3; connection++) {
            MqttClient device = connectAsDevice(cloud, deviceId);
            device.publish("meters/" + deviceId + "/readings", ("{\"connection\": " + connection + "}").getBytes(StandardCharsets.UTF_8), 1, false);
            close(device);
        }

        assertThat(ReadingsQueue.await(ReadingsQueue.fromClient(deviceId), 3, WAIT)).hasSize(3);
    }

    @Test
    void subscribesOnlyToWhatThePolicyAllowsAndReceivesWhatFunctionsPublish(LocalCloud cloud) throws Exception {
        String deviceId = newDeviceId();
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient device = connectAsDevice(cloud, deviceId);

        int[] granted = device.subscribeWithResponse(new String[] {"commands/" + deviceId + "/#", "commands/" + newDeviceId() + "/#"}, new int[] {1, 1},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
                        (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)),
                        (topic, message) -> received.add("not allowed: " + topic)}).getGrantedQos();
        assertThat(granted).containsExactly(1, 0x80);

        try (IotDataPlaneClient iotData = IotDataPlaneClient.create()) {
            iotData.publish(request -> request.topic("commands/" + deviceId + "/reset").qos(1).payload(SdkBytes.fromUtf8String("{\"command\":\"reset\"}")));
        }
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"command\":\"reset\"}");
        close(device);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable connecting) {
        assertThatThrownBy(connecting).isInstanceOf(MqttSecurityException.class)
                .satisfies(refusal -> assertThat(((MqttException) refusal).getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
    }
}
