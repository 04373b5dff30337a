package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.testfunctions.MqttDeviceAuthorizerHandler;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's smart-meter simulator: real MQTT devices that authenticate through the template's authorizer. */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:iot-devices-template.yaml")
class MeterSimulatorTest {
    private static final String SIMULATOR = "/_local/meters/simulator";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int INTERVAL_MILLIS = 200;
    /** 50 times the lowest usual consumption (0.2 units an hour) over one interval: no ordinary reading rises this much. */
    private static final BigDecimal SMALLEST_SPIKE = new BigDecimal("0.0005");

    @AfterEach
    void stopTheSimulation(LocalCloudClient cloud) {
        assertThat(cloud.anonymous().delete(SIMULATOR).status()).isEqualTo(200);
    }

    private static String newDeviceId() {
        return "dev-" + UUID.randomUUID();
    }

    private static Map<String, Object> device(String deviceId, String secret) {
        return Map.of("deviceId", deviceId, "secret", secret);
    }

    @Test
    void simulatedMetersPublishReadingsThatReachTheQueueWhileAWrongSecretIsRefused(LocalCloudClient cloud) throws Exception {
        String good = newDeviceId();
        String impostor = newDeviceId();

        ApiResponse started = cloud.anonymous().post(SIMULATOR, Json.write(Map.of("intervalMillis", INTERVAL_MILLIS,
                "devices", List.of(device(good, MqttDeviceAuthorizerHandler.SECRET), device(impostor, "not-the-secret")))));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().path("running").asBoolean()).isTrue();

        List<JsonNode> readings = ReadingsQueue.await(ReadingsQueue.fromClient(good), 3, WAIT).stream()
                .map(message -> Json.read(ReadingsQueue.payloadText(message))).toList();
        assertThat(readings).allSatisfy(reading -> {
            assertThat(reading.path("deviceId").asText()).isEqualTo(good);
            assertThat(Instant.parse(reading.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(values(readings)).isSorted().doesNotHaveDuplicates();

        JsonNode status = awaitStatus(cloud, state -> state.path("refusedConnections").asInt() == 1 && state.path("devicesConnected").asInt() == 1);
        assertThat(device(status, good).path("messagesSent").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(device(status, impostor).path("state").asText()).isEqualTo("refused");
        assertThat(device(status, impostor).path("lastError").asText()).startsWith("connection refused");

        JsonNode stopped = cloud.anonymous().delete(SIMULATOR).json();
        assertThat(stopped.path("running").asBoolean()).isFalse();
        assertThat(device(stopped, good).path("state").asText()).isEqualTo("stopped");
        assertThat(ReadingsQueue.settled(ReadingsQueue.fromClient(impostor), Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void misbehavingMetersSpikeGoSilentDuplicateAndSendGarbage(LocalCloudClient cloud) throws Exception {
        String spiking = newDeviceId();
        String silent = newDeviceId();
        String duplicating = newDeviceId();
        String babbling = newDeviceId();
        String secret = MqttDeviceAuthorizerHandler.SECRET;
        ApiResponse started = cloud.anonymous().post(SIMULATOR, Json.write(Map.of("intervalMillis", INTERVAL_MILLIS,
                "devices", List.of(device(spiking, secret), device(silent, secret), device(duplicating, secret), device(babbling, secret)),
                "misbehave", Map.of(spiking, "spike", silent, "silent", duplicating, "duplicate", babbling, "garbage"))));
        assertThat(started.status()).as(started.body()).isEqualTo(202);

        ReadingsQueue.await(ReadingsQueue.fromClient(spiking), 3, WAIT);
        ReadingsQueue.await(ReadingsQueue.fromClient(duplicating), 5, WAIT);
        ReadingsQueue.await(ReadingsQueue.fromClient(babbling), 3, WAIT);
        JsonNode status = cloud.anonymous().delete(SIMULATOR).json();
        assertThat(device(status, spiking).path("misbehaviour").asText()).isEqualTo("spike");

        List<BigDecimal> spikes = values(payloads(spiking));
        for (int reading = 1; reading < spikes.size(); reading++) {
            assertThat(spikes.get(reading).subtract(spikes.get(reading - 1))).as("rise to reading %d", reading + 1).isGreaterThan(SMALLEST_SPIKE);
        }

        assertThat(payloads(silent)).as("a silent meter sends its first reading only").hasSize(1);

        Map<String, Long> copies = ReadingsQueue.settled(ReadingsQueue.fromClient(duplicating), Duration.ZERO).stream()
                .collect(Collectors.groupingBy(ReadingsQueue::payloadText, Collectors.counting()));
        String first = copies.keySet().stream().min(Comparator.comparing((String text) -> Json.read(text).path("value").decimalValue())).orElseThrow();
        assertThat(copies).allSatisfy((payload, count) -> assertThat(count).as(payload).isEqualTo(payload.equals(first) ? 1 : 2));
        List<BigDecimal> ordinary = values(copies.keySet().stream().map(Json::read).toList());
        for (int reading = 1; reading < ordinary.size(); reading++) {
            assertThat(ordinary.get(reading).subtract(ordinary.get(reading - 1))).isLessThan(SMALLEST_SPIKE);
        }

        List<JsonNode> babble = ReadingsQueue.settled(ReadingsQueue.fromClient(babbling), Duration.ZERO);
        assertThat(babble.stream().filter(message -> Json.readOrNull(ReadingsQueue.payloadText(message)) == null).count()).isEqualTo(babble.size() - 1);
        assertThat(babble).anySatisfy(message -> assertThat(ReadingsQueue.payload(message)).startsWith((byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF));
    }

    @Test
    void answersBadInputWithAProblem(LocalCloudClient cloud) {
        ApiResponse noDevices = cloud.anonymous().post(SIMULATOR, "{\"intervalMillis\": 1000}");
        assertThat(noDevices.status()).isEqualTo(400);
        assertThat(noDevices.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(noDevices.json().path("status").asInt()).isEqualTo(400);
        assertThat(noDevices.json().path("detail").asText()).contains("\"devices\"");

        ApiResponse unknownMisbehaviour = cloud.anonymous().post(SIMULATOR,
                "{\"devices\": [{\"deviceId\": \"dev-1\", \"secret\": \"x\"}], \"misbehave\": {\"dev-1\": \"explode\"}}");
        assertThat(unknownMisbehaviour.status()).isEqualTo(400);
        assertThat(unknownMisbehaviour.json().path("detail").asText()).contains("explode").contains("spike");

        assertThat(cloud.anonymous().post(SIMULATOR, "not json").status()).isEqualTo(400);
        assertThat(cloud.anonymous().put(SIMULATOR, "{}").status()).isEqualTo(405);
        assertThat(cloud.anonymous().get(SIMULATOR).json().path("running").asBoolean()).isFalse();
    }

    /** The decoded readings a device sent, in value order (the queue need not keep publishing order). */
    private static List<JsonNode> payloads(String deviceId) {
        return ReadingsQueue.settled(ReadingsQueue.fromClient(deviceId), Duration.ofMillis(500)).stream()
                .map(message -> Json.read(ReadingsQueue.payloadText(message))).toList();
    }

    private static List<BigDecimal> values(List<JsonNode> readings) {
        return readings.stream().map(reading -> reading.path("value").decimalValue()).sorted().toList();
    }

    private static JsonNode device(JsonNode status, String deviceId) {
        for (JsonNode device : status.path("devices")) {
            if (device.path("deviceId").asText().equals(deviceId)) return device;
        }
        throw new AssertionError("No device " + deviceId + " in " + status);
    }

    private static JsonNode awaitStatus(LocalCloudClient cloud, java.util.function.Predicate<JsonNode> reached) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode status = cloud.anonymous().get(SIMULATOR).json();
        while (!reached.test(status) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            status = cloud.anonymous().get(SIMULATOR).json();
        }
        assertThat(reached.test(status)).as("simulator status %s", status).isTrue();
        return status;
    }
}
