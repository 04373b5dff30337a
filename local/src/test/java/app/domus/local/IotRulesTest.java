package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Devices publish over MQTT; IoT rules select, filter and route the messages to functions and queues. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class IotRulesTest {

    @Test
    void routesSelectedFieldsOfMatchingMessagesToTheFunction(LocalCloudClient cloud) throws Exception {
        String device = "sensor-" + UUID.randomUUID();
        cloud.publishMqtt("devices/" + device + "/telemetry", "{\"temperature\": 20, \"humidity\": 40}");
        cloud.publishMqtt("devices/" + device + "/telemetry", "{\"temperature\": 35, \"humidity\": 40}");
        cloud.publishMqtt("devices/" + device + "/telemetry", "{\"temperature\": 36, \"muted\": true}");

        JsonNode routed = Recorded.await("TelemetryFunction", event -> device.equals(event.path("deviceId").asText()), Duration.ofSeconds(10));
        assertThat(routed.path("temperature").asInt()).isEqualTo(35);
        assertThat(routed.has("humidity")).isFalse();
        Thread.sleep(300);
        assertThat(Recorded.count("TelemetryFunction", event -> device.equals(event.path("deviceId").asText()))).isEqualTo(1);
    }

    @Test
    void sendsTheResultOfATopicRuleToItsQueue(LocalCloudClient cloud) {
        String device = "boiler-" + UUID.randomUUID();
        cloud.publishMqtt("devices/" + device + "/telemetry", "{\"temperature\": 80, \"pressure\": 2}");

        try (SqsClient sqs = SqsClient.create()) {
            String url = sqs.getQueueUrl(request -> request.queueName("TelemetryQueue")).queueUrl();
            var messages = sqs.receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(5).maxNumberOfMessages(10)).messages();
            assertThat(messages).extracting(message -> message.body())
                    .anySatisfy(body -> assertThat(body).contains("\"deviceId\":\"" + device + "\"").contains("\"pressure\":2"));
        }
    }

    @Test
    void deliversWhatFunctionsPublishThroughTheIotDataApiToSubscribedDevices(LocalCloudClient cloud) throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient device = new MqttClient(cloud.cloud().endpoints().mqttUrl(), "lock-" + UUID.randomUUID(), new MemoryPersistence());
        device.connect();
        device.subscribe("locks/door-1/commands", (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));

        try (IotDataPlaneClient iotData = IotDataPlaneClient.create()) {
            iotData.publish(request -> request.topic("locks/door-1/commands").qos(1).payload(SdkBytes.fromUtf8String("{\"command\":\"unlock\"}")));
        }

        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"command\":\"unlock\"}");
        device.disconnect();
        device.close();
    }
}
