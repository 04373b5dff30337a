package app.domus.bench;

import app.domus.local.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Figure 5: smart-meter readings through the whole path on this machine: real MQTT clients (registered devices, through
 * the broker's custom authorizer) → the IoT rule → the readings queue → the ingestion function → DynamoDB Local, for a
 * fixed time; then the same number of readings written with raw BatchWriteItem to the same DynamoDB Local (one item per
 * reading, and three: the items the pipeline writes per reading). Delay is from a reading's publish to its
 * {@code receivedAt} (the ingestion's clock when it checked the reading, just before its batch write).
 */
final class MeterIngestion {

    record Result(int devices, double publishSeconds, int published, int stored, double pipelineSeconds, double readingsPerSecond,
                  double p50DelayMs, double p99DelayMs, double maxDelayMs, double rawOnePerSecond, double rawThreePerSecond, String note) {}

    private final LocalCloud cloud;
    private final Log log;
    private final HttpClient http = HttpClient.newHttpClient();
    private String token;

    MeterIngestion(LocalCloud cloud, Log log) {
        this.cloud = cloud;
        this.log = log;
    }

    Result run(int devices, Duration duration, Duration drain) throws Exception {
        token = cloud.tokenFor(cloud.demoData().account("manager").orElseThrow());
        Map<String, String> ids = cloud.demoData().ids();
        List<String> units = ids.entrySet().stream().filter(e -> e.getKey().matches("unit\\.[0-9A-Z]+")).map(Map.Entry::getValue).sorted().toList();
        List<String[]> registered = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            JsonNode meter = post("/meters", Map.of("unitId", units.get(i % units.size()), "type", "heat", "serialNumber", "BENCH-" + i,
                    "installedOn", "2025-01-01", "startReading", 0));
            JsonNode device = post("/meters/" + meter.path("meterId").asText() + "/devices", Map.of());
            registered.add(new String[] {device.path("deviceId").asText(), device.path("secret").asText(), meter.path("meterId").asText()});
        }
        String table = cloud.deployment().names().ref(cloud.deployment().template().resource("DomusTable"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            // A: as fast as the devices can publish, for the pipeline's capacity.
            log.info("meters: " + devices + " devices registered; saturating for " + duration.toSeconds() + " s");
            Phase saturated = publish(registered, duration, 0, 0);
            Collected capacity = collect(dynamo, table, registered, saturated, drain);
            double readingsPerSecond = capacity.stored() / Math.max(0.001, (capacity.lastStoredMs() - saturated.firstPublishMs()) / 1000.0);
            // B: at half that rate, for the delay of a reading that does not queue behind a backlog.
            double paced = Math.max(1, readingsPerSecond / 2);
            log.info(String.format(Locale.ROOT, "meters: %.0f readings/s at saturation; now %.0f/s for %d s for the delay", readingsPerSecond, paced, duration.toSeconds()));
            Phase steady = publish(registered, duration, paced, saturated.perDeviceNext());
            Collected delays = collect(dynamo, table, registered, steady, drain);
            double rawOne = raw(dynamo, table, saturated.published(), 1);
            double rawThree = raw(dynamo, table, saturated.published(), 3);
            String note = String.format(Locale.ROOT, "Delay measured at %.0f readings/s offered (half the saturation rate): %d published, %d stored.", paced,
                    steady.published(), delays.stored());
            if (capacity.stored() < saturated.published()) note += " At saturation " + (saturated.published() - capacity.stored()) + " readings were not stored within " + drain.toSeconds() + " s.";
            List<Long> sorted = delays.delays();
            return new Result(devices, saturated.seconds(), saturated.published(), capacity.stored(), 0, readingsPerSecond,
                    Stats.percentile(sorted, 0.50), Stats.percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast(), rawOne, rawThree, note);
        }
    }

    private record Phase(Map<String, Long> publishedAt, int published, double seconds, long firstPublishMs, int perDeviceNext) {}

    private record Collected(int stored, long lastStoredMs, List<Long> delays) {}

    /** Every device publishes from its {@code startIndex}-th reading for {@code duration}, at {@code rate} a second in all (0: flat out). */
    private Phase publish(List<String[]> registered, Duration duration, double rate, int startIndex) throws Exception {
        Map<String, Long> publishedAt = new ConcurrentHashMap<>();
        AtomicInteger published = new AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxIndex = new java.util.concurrent.atomic.AtomicInteger(startIndex);
        long firstReadingAt = Instant.now().minus(Duration.ofDays(300)).toEpochMilli();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        double perDeviceIntervalNanos = rate <= 0 ? 0 : registered.size() * 1e9 / rate;
        List<Future<?>> publishers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] device : registered) {
                publishers.add(threads.submit(() -> {
                    MqttClient client = new MqttClient(cloud.endpoints().mqttUrl(), device[0], new MemoryPersistence());
                    MqttConnectOptions options = new MqttConnectOptions();
                    options.setUserName(device[0]);
                    options.setPassword(device[1].toCharArray());
                    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
                    options.setMaxInflight(1000);
                    client.connect(options);
                    String topic = "meters/" + device[0] + "/readings";
                    int k = startIndex;
                    for (long next = System.nanoTime(); System.nanoTime() < deadline; k++) {
                        if (perDeviceIntervalNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            next += (long) perDeviceIntervalNanos;
                        }
                        long at = firstReadingAt + k * 900_000L;
                        String body = "{\"deviceId\":\"" + device[0] + "\",\"value\":" + (k * 0.25) + ",\"timestamp\":\"" + Instant.ofEpochMilli(at) + "\"}";
                        MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
                        message.setQos(1);
                        publishedAt.put(device[2] + "#" + at, System.currentTimeMillis());
                        client.publish(topic, message);
                        published.incrementAndGet();
                    }
                    maxIndex.accumulateAndGet(k, Math::max);
                    client.disconnect();
                    client.close();
                    return null;
                }));
            }
            for (Future<?> p : publishers) p.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long first = publishedAt.values().stream().mapToLong(Long::longValue).min().orElse(System.currentTimeMillis());
        log.info(String.format(Locale.ROOT, "meters: %d readings published in %.1f s", published.get(), seconds));
        return new Phase(publishedAt, published.get(), seconds, first, maxIndex.get() + 1);
    }

    /** Waits until the phase's readings are stored (or {@code drain} has passed) and gives their delays. */
    private Collected collect(DynamoDbClient dynamo, String table, List<String[]> registered, Phase phase, Duration drain) throws InterruptedException {
        long drainUntil = System.nanoTime() + drain.toNanos();
        List<Long> delays = new ArrayList<>();
        long lastStored = phase.firstPublishMs();
        while (true) {
            delays.clear();
            lastStored = phase.firstPublishMs();
            for (String[] device : registered) {
                var pages = dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk AND sk < :day")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("READINGS#" + device[2]), ":day", AttributeValue.fromS("DAY#")))
                        .projectionExpression("sk, receivedAt"));
                for (var page : pages) {
                    for (Map<String, AttributeValue> item : page.items()) {
                        Long sent = phase.publishedAt().get(device[2] + "#" + Long.parseLong(item.get("sk").s()));
                        if (sent == null) continue;
                        long received = Instant.parse(item.get("receivedAt").s()).toEpochMilli();
                        delays.add(received - sent);
                        lastStored = Math.max(lastStored, received);
                    }
                }
            }
            if (delays.size() >= phase.published() || System.nanoTime() > drainUntil) break;
            Thread.sleep(1000);
        }
        delays.sort(Long::compare);
        return new Collected(delays.size(), lastStored, List.copyOf(delays));
    }

    /** Readings per second that plain BatchWriteItem stores on the same DynamoDB Local, {@code itemsPerReading} items each, two writers. */
    private double raw(DynamoDbClient dynamo, String table, int readings, int itemsPerReading) throws Exception {
        int total = readings * itemsPerReading;
        String run = "BENCHRAW" + itemsPerReading + "#" + System.nanoTime();
        long start = System.nanoTime();
        try (ExecutorService writers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                futures.add(writers.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>();
                    for (int i = writer; i < total; i += 2) {
                        Map<String, AttributeValue> item = new HashMap<>();
                        item.put("pk", AttributeValue.fromS(run + "#" + (i / itemsPerReading) % 1000));
                        item.put("sk", AttributeValue.fromS(String.format("%013d#%d", i, i % itemsPerReading)));
                        item.put("payload", AttributeValue.fromS("x".repeat(380)));
                        batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                        if (batch.size() == 25 || i + 2 >= total) {
                            List<WriteRequest> pending = List.copyOf(batch);
                            while (!pending.isEmpty()) {
                                List<WriteRequest> send = pending;
                                pending = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, send))).unprocessedItems().getOrDefault(table, List.of());
                            }
                            batch.clear();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        }
        return readings / ((System.nanoTime() - start) / 1e9);
    }

    private JsonNode post(String path, Object body) throws Exception {
        return Api.created(http, cloud.endpoints().httpUrl(), token, path, body);
    }

}
