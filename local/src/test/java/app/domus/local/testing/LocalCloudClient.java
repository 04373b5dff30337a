package app.domus.local.testing;

import app.domus.local.LocalCloud;
import app.domus.local.seed.DemoAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's handle on the running local cloud: call the HTTP API as a demo user (or with any claims), open a WebSocket,
 * publish MQTT, read the outbox and the domain events, wait for a queue to drain, fire a schedule. Everything goes
 * through the same endpoints and console pages a person would use.
 */
public final class LocalCloudClient {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);
    /** Work seen through the API may wait behind a batching window and a queue or two: longer on a loaded machine. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    private final LocalCloud cloud;

    public LocalCloudClient(LocalCloud cloud) {
        this.cloud = cloud;
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public String httpUrl() {
        return cloud.endpoints().httpUrl();
    }

    /** Calls without a token. */
    public ApiCaller anonymous() {
        return new ApiCaller(httpUrl(), null);
    }

    /** Calls as the seeded demo account with this key ({@code manager}, {@code tenant}, ...). */
    public ApiCaller as(String demoAccountKey) {
        DemoAccount account = cloud.demoData().account(demoAccountKey)
                .orElseThrow(() -> new IllegalArgumentException("No demo account " + demoAccountKey + "; there are " + cloud.demoData().accounts()));
        return withToken(cloud.tokenFor(account));
    }

    /** Calls with a token the JWT authorizer accepts, carrying these claims (plus issuer, audience, validity). */
    public ApiCaller withClaims(Map<String, Object> claims) {
        return withToken(cloud.mintToken(claims));
    }

    public ApiCaller withToken(String bearerToken) {
        return new ApiCaller(httpUrl(), bearerToken);
    }

    /** Every captured email, SMS and push to {@code recipient} ({@code null} for all), newest first. */
    public List<JsonNode> outbox(String recipient) {
        String query = recipient == null ? "" : "?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8);
        return elements(console("outbox" + query));
    }

    /** Waits for the first captured message to {@code recipient}. */
    public JsonNode awaitOutbox(String recipient) throws InterruptedException {
        return awaitOne(() -> outbox(recipient), message -> true, "a message to " + recipient);
    }

    /** Waits for a captured message to {@code recipient} that matches. */
    public JsonNode awaitOutbox(String recipient, Predicate<JsonNode> matching) throws InterruptedException {
        return awaitOne(() -> outbox(recipient), matching, "a matching message to " + recipient);
    }

    /**
     * Calls {@code call} until it answers 200 with a body that satisfies {@code done} (something the platform does
     * asynchronously, seen through the API), and gives that body.
     */
    public static JsonNode awaitAnswer(java.util.function.Supplier<ApiResponse> call, Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(ANSWER_WAIT);
        ApiResponse last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (last.status() == 200 && done.test(last.json())) return last.json();
            Thread.sleep(200);
        }
        throw new AssertionError("Not reached in " + ANSWER_WAIT + "; the last answer: " + (last == null ? "none" : last.status() + " " + last.body()));
    }

    /** Waits until a domain event of this type has been published, and gives the newest. */
    public JsonNode awaitEvent(String eventType) throws InterruptedException {
        return awaitEvent(eventType, event -> true);
    }

    public JsonNode awaitEvent(String eventType, Predicate<JsonNode> matching) throws InterruptedException {
        return awaitOne(() -> elements(console("events?type=" + URLEncoder.encode(eventType, StandardCharsets.UTF_8))), matching,
                "a " + eventType + " event");
    }

    /** Waits until the queue (by logical id) has nothing waiting, in flight or being handled. */
    public void awaitQueueDrained(String queueLogicalId) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEFAULT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode queue = queue(queueLogicalId);
            if (queue.path("visible").asInt() + queue.path("inFlight").asInt() + queue.path("delayed").asInt() + queue.path("beingHandled").asInt() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Queue " + queueLogicalId + " did not drain: " + queue(queueLogicalId));
    }

    /** The console's view of one queue: depths and, for a dead-letter queue, its messages. */
    public JsonNode queue(String queueLogicalId) {
        for (JsonNode queue : console("queues")) {
            if (queue.path("logicalId").asText().equals(queueLogicalId)) return queue;
        }
        throw new IllegalArgumentException("No queue " + queueLogicalId);
    }

    /** Fires the function's schedules now, as the console's button does, and waits for the invocation. */
    public void fireSchedule(String functionLogicalId) {
        fire("/_local/schedules/" + functionLogicalId + "/fire", functionLogicalId);
    }

    /**
     * Fires the function's schedules now as if they were due at {@code at} (the time the scheduled event and the
     * Scheduler's {@code <aws.scheduler.scheduled-time>} carry), and waits for the invocation.
     */
    public void fireSchedule(String functionLogicalId, Instant at) {
        fire("/_local/schedules/" + functionLogicalId + "/fire?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8), functionLogicalId);
    }

    private void fire(String path, String functionLogicalId) {
        ApiResponse response = anonymous().post(path, null);
        if (response.status() != 200) throw new AssertionError("Firing " + functionLogicalId + " answered " + response.status() + ": " + response.body());
    }

    /**
     * Opens a WebSocket connection with the token in the query string (as the app does).
     *
     * @throws WebSocketSession.HandshakeRejected when the gateway refuses it
     */
    public WebSocketSession websocket(String token) throws InterruptedException {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return WebSocketSession.open(URI.create(cloud.endpoints().webSocketUrl() + "/" + query));
    }

    /** Publishes a JSON message to the MQTT broker, as a device would. */
    public void publishMqtt(String topic, String json) {
        try {
            MqttClient device = new MqttClient(cloud.endpoints().mqttUrl(), "test-device-" + UUID.randomUUID(), new MemoryPersistence());
            device.connect();
            device.publish(topic, new MqttMessage(json.getBytes(StandardCharsets.UTF_8)));
            device.disconnect();
            device.close();
        } catch (MqttException e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /**
     * Switches a fault on for {@code service} ({@code dynamodb}, {@code sns}, or a partner double's name), as the
     * console's Faults page does ({@code PUT /_local/faults/{service}}): {@code kind} one of {@code throttling},
     * {@code server-error}, {@code conditional-check-failed}, {@code transaction-conflict}, {@code latency},
     * {@code unavailable}, on a fraction {@code rate} of the calls (to {@code operations}, or all when none are given).
     * Ends with {@link #clearFaults()}; a {@link FaultSwitch} ends it when closed.
     */
    public FaultSwitch injectFaults(String service, String kind, double rate, long latencyMs, String... operations) {
        Map<String, Object> rule = new java.util.LinkedHashMap<>();
        rule.put("kind", kind);
        rule.put("rate", rate);
        rule.put("latencyMs", latencyMs);
        rule.put("operations", List.of(operations));
        ApiResponse response = anonymous().put("/_local/faults/" + service, app.domus.shared.json.Json.write(rule));
        if (response.status() != 200) throw new AssertionError("Setting faults on " + service + " answered " + response.status() + ": " + response.body());
        return this::clearFaults;
    }

    public FaultSwitch injectFaults(String service, String kind, double rate) {
        return injectFaults(service, kind, rate, 0);
    }

    /** Clears every fault ({@code DELETE /_local/faults}). */
    public void clearFaults() {
        ApiResponse response = anonymous().delete("/_local/faults");
        if (response.status() != 200) throw new AssertionError("Clearing faults answered " + response.status() + ": " + response.body());
    }

    /** How many faults the switch injected into {@code service}'s {@code operation} so far. */
    public long injectedFaults(String service, String operation) {
        return console("faults/" + service).path("injected").path(operation).asLong();
    }

    /** Faults switched on, cleared when closed: {@code try (var faults = cloud.injectFaults(...)) { ... }}. */
    @FunctionalInterface
    public interface FaultSwitch extends AutoCloseable {
        @Override
        void close();
    }

    /** A console page's JSON. */
    public JsonNode console(String page) {
        ApiResponse response = anonymous().get("/_local/" + page);
        if (response.status() != 200) throw new AssertionError("/_local/" + page + " answered " + response.status() + ": " + response.body());
        return response.json();
    }

    private JsonNode awaitOne(java.util.function.Supplier<List<JsonNode>> source, Predicate<JsonNode> matching, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEFAULT_WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode candidate : source.get()) {
                if (matching.test(candidate)) return candidate;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Waited " + DEFAULT_WAIT + " for " + what + " in vain");
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
