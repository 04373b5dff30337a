package app.domus.bench;

import app.domus.local.LocalCloud;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Figure 6 (issue 11): messages delivered end to end to connected WebSocket clients through the local cloud. A group
 * conversation of the demo estate's people; {@code clients} WebSocket connections spread over them (several devices
 * each, every one following its user's personal topic); one sender posts {@code POST /conversations/{id}/messages} at a
 * fixed rate for a fixed time, and every connection should receive every message ({@code {"type":"message"}}) — the
 * path is the request's transaction → table stream → outbox relay → SNS → the delivery consumer's queue →
 * MessageDeliveryFunction → the live-updates queue → LiveUpdateFunction → {@code @connections} → the gateway → the
 * socket. Delay is from the POST being sent to the socket receiving the message. The baseline posts the same number of
 * messages straight to the same connections through the local {@code @connections} API (no table, no queues).
 */
final class MessagingLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int clients, int participants, double ratePerSecond, double seconds, int posted, int refused, long expected,
                  long delivered, double postedPerSecond, double deliveriesPerSecond, double p50DelayMs, double p99DelayMs,
                  double maxDelayMs, double rawDeliveriesPerSecond, double rawP99DelayMs, String note) {}

    private final LocalCloud cloud;
    private final Log log;
    private final HttpClient http = HttpClient.newHttpClient();

    MessagingLoad(LocalCloud cloud, Log log) {
        this.cloud = cloud;
        this.log = log;
    }

    Result run(int clients, double ratePerSecond, Duration duration, Duration drain) throws Exception {
        List<String> keys = List.of("tenant", "manager", "technician", "owner", "owner2", "owner3", "admin");
        List<String> tokens = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (String key : keys) {
            var account = cloud.demoData().account(key).orElseThrow();
            tokens.add(cloud.tokenFor(account));
            userIds.add(account.userId());
        }
        String sender = tokens.getFirst();
        JsonNode conversation = post(sender, "/conversations", Map.of("participantIds", userIds.subList(1, userIds.size()), "title", "Bench"));
        String conversationId = conversation.path("conversationId").asText();

        Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        AtomicLong delivered = new AtomicLong();
        AtomicLong lastDeliveredNanos = new AtomicLong();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String token = tokens.get(i % tokens.size());
            URI uri = URI.create(cloud.endpoints().webSocketUrl() + "/?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            sockets.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Listener(conversationId, sentAt, delays, delivered, lastDeliveredNanos)).get(30, TimeUnit.SECONDS));
        }
        log.info("messages: " + clients + " WebSocket clients of " + keys.size() + " participants connected; posting "
                + ratePerSecond + "/s for " + duration.toSeconds() + " s");
        Thread.sleep(500);

        // Warm-up: one message through the whole path (cold functions, first connections).
        int warmUp = -1;
        sentAt.put(warmUp, System.nanoTime());
        post(sender, "/conversations/" + conversationId + "/messages", Map.of("content", "bench " + warmUp));
        long warmDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.get() < clients && System.nanoTime() < warmDeadline) Thread.sleep(50);
        delivered.set(0);
        delays.clear();

        AtomicInteger posted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long intervalNanos = (long) (1e9 / ratePerSecond);
        try (ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor()) {
            int index = 0;
            for (long next = start; next < end; next += intervalNanos, index++) {
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                int n = index;
                posters.submit(() -> {
                    sentAt.put(n, System.nanoTime());
                    try {
                        post(sender, "/conversations/" + conversationId + "/messages", Map.of("content", "bench " + n));
                        posted.incrementAndGet();
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long expected = (long) posted.get() * clients;
        long drainUntil = System.nanoTime() + drain.toNanos();
        while (delivered.get() < expected && System.nanoTime() < drainUntil) Thread.sleep(100);
        double seconds = (Math.max(lastDeliveredNanos.get(), start) - start) / 1e9;
        List<Long> sorted = new ArrayList<>(delays);
        sorted.sort(Long::compare);
        log.info(String.format(Locale.ROOT, "messages: %d posted (%d refused), %d of %d deliveries in %.1f s", posted.get(), refused.get(),
                delivered.get(), expected, seconds));

        Raw raw = raw(sockets.size(), userIds, posted.get(), delays, delivered);
        for (WebSocket socket : sockets) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
        String note = String.format(Locale.ROOT, "%d messages posted in %.1f s at %.0f/s offered; each to %d connections of %d people "
                + "(about %d devices each).", posted.get(), postSeconds, ratePerSecond, clients, keys.size(), clients / keys.size());
        if (delivered.get() < expected) note += " " + (expected - delivered.get()) + " deliveries had not arrived " + drain.toSeconds() + " s after the last post.";
        return new Result(clients, keys.size(), ratePerSecond, seconds, posted.get(), refused.get(), expected, delivered.get(),
                posted.get() / Math.max(0.001, seconds), delivered.get() / Math.max(0.001, seconds),
                Stats.percentile(sorted, 0.50), Stats.percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.getLast(), raw.perSecond(), raw.p99(), note);
    }

    private record Raw(double perSecond, double p99) {}

    /** The same number of messages posted straight to every connection through the local @connections API, 4 at a time. */
    private Raw raw(int clients, List<String> userIds, int messages, ConcurrentLinkedQueue<Long> delays, AtomicLong delivered) throws Exception {
        String table = cloud.deployment().names().ref(cloud.deployment().template().resource("DomusTable"));
        List<String> connections = new ArrayList<>();
        try (DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            for (String userId : userIds) {
                dynamo.queryPaginator(q -> q.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("TOPIC#user:" + userId))))
                        .items().forEach(item -> connections.add(item.get("connectionId").s()));
            }
        }
        String stage = String.valueOf(cloud.deployment().parameter("Stage"));
        delays.clear();
        delivered.set(0);
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(4)) {
            for (int m = 0; m < messages; m++) {
                int n = 1_000_000 + m;
                senders.submit(() -> {
                    String body = "{\"type\":\"message\",\"conversationId\":\"raw\",\"message\":{\"content\":\"bench " + n + "\"},\"sentAt\":" + System.nanoTime() + "}";
                    for (String connection : connections) {
                        http.send(HttpRequest.newBuilder(URI.create(cloud.endpoints().awsUrl() + "/" + stage + "/@connections/"
                                + URLEncoder.encode(connection, StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                });
            }
        }
        long expected = (long) messages * connections.size();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.get() < expected && System.nanoTime() < until) Thread.sleep(50);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(delays);
        sorted.sort(Long::compare);
        log.info(String.format(Locale.ROOT, "messages (raw @connections): %d of %d deliveries in %.1f s", delivered.get(), expected, seconds));
        return new Raw(delivered.get() / Math.max(0.001, seconds), Stats.percentile(sorted, 0.99));
    }

    /** Counts the messages of the conversation (or the raw baseline's) a socket receives, and their delay. */
    private static final class Listener implements WebSocket.Listener {
        private final String conversationId;
        private final Map<Integer, Long> sentAt;
        private final ConcurrentLinkedQueue<Long> delays;
        private final AtomicLong delivered;
        private final AtomicLong lastDeliveredNanos;
        private final StringBuilder partial = new StringBuilder();

        Listener(String conversationId, Map<Integer, Long> sentAt, ConcurrentLinkedQueue<Long> delays, AtomicLong delivered, AtomicLong last) {
            this.conversationId = conversationId;
            this.sentAt = sentAt;
            this.delays = delays;
            this.delivered = delivered;
            this.lastDeliveredNanos = last;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    String conversation = message.path("conversationId").asText();
                    if (message.path("type").asText().equals("message") && (conversation.equals(conversationId) || conversation.equals("raw"))) {
                        String content = message.path("message").path("content").asText();
                        int n = Integer.parseInt(content.substring("bench ".length()));
                        Long sent = conversation.equals("raw") ? (Long) message.path("sentAt").asLong() : sentAt.get(n);
                        if (sent != null) delays.add((now - sent) / 1_000_000);
                        delivered.incrementAndGet();
                        lastDeliveredNanos.accumulateAndGet(now, Math::max);
                    }
                } catch (Exception ignored) {
                    // not a bench message
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    private JsonNode post(String token, String path, Object body) throws Exception {
        return Api.created(http, cloud.endpoints().httpUrl(), token, path, body);
    }

}
