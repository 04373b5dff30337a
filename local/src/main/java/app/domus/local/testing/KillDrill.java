package app.domus.local.testing;

import app.domus.local.seed.DemoData;
import app.domus.local.seed.DomusDemoSeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code kill -9} of the local cloud under load (issue 17): the whole template in a child process on a data directory,
 * owners reporting faults ({@code POST /faults}) at a bounded rate from several threads, every 201 recorded with its
 * fault id, the process SIGKILLed while requests are in flight, started again on the same data directory, and then
 * counted: each acknowledged fault is stored; its {@code FaultReported} event is in the outbox and published; each of
 * the event's three consumers (triage, the fault's conversation, the maintenance signals) handled it exactly once (its
 * idempotency record, keyed by consumer and event id, is {@code COMPLETED}); and the managers' e-mail about it (the
 * effect a repeated side effect would show twice) is in the local outbox, once per recipient.
 *
 * <p>Delivery duplicates the consumers absorb are counted apart: events that the relay published both before the kill
 * and after the restart (seen on the console's event list, polled while each process runs).
 */
public final class KillDrill {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The consumers of {@code FaultReported} and the scope each deduplicates under (its class's simple name). */
    public static final List<String> CONSUMERS = List.of("TriageFaultHandler", "FaultConversationsHandler", "MaintenanceSignalsHandler");

    /** How hard and how long: {@code ratePerSecond} over {@code threads} for {@code load}, then SIGKILL. */
    public record Settings(int threads, int ratePerSecond, Duration load, Duration catchUp) {}

    /** What a drill counted. */
    public record Figures(long attempted, long acknowledged, long refused, long unanswered, double acknowledgedPerSecond,
                          long stored, List<String> missingFaults,
                          long eventsExpected, long eventsInOutbox, long eventsPublished,
                          Map<String, Long> handledOncePerConsumer, List<String> undelivered,
                          long emailsExpected, long emailsFound, long duplicatedEmails, long emailsRepeatedAcrossTheKill,
                          long republishedAfterRestart, long publishedTwiceInOneRun,
                          Duration catchUpTook, boolean caughtUp) {

        public String summary() {
            return String.format(java.util.Locale.ROOT, """
                    writes: %d attempted, %d acknowledged (%.1f/s), %d refused, %d unanswered at the kill; %d of %d acknowledged found after the restart%s
                    events: %d expected, %d in the outbox, %d published; handled once per consumer %s%s
                    faults whose managers were e-mailed: %d expected, %d found; %d e-mails duplicated, of which %d accepted by SES before the kill with no delivery record and sent again after the restart
                    raw delivery duplicates (absorbed by the consumers): %d events republished after the restart, %d published twice within one run
                    caught up: %s after %d s""",
                    attempted, acknowledged, acknowledgedPerSecond, refused, unanswered, stored, acknowledged,
                    missingFaults.isEmpty() ? "" : " (missing: " + missingFaults.subList(0, Math.min(10, missingFaults.size())) + ")",
                    eventsExpected, eventsInOutbox, eventsPublished, handledOncePerConsumer,
                    undelivered.isEmpty() ? "" : " (not delivered: " + undelivered.subList(0, Math.min(10, undelivered.size())) + ")",
                    emailsExpected, emailsFound, duplicatedEmails, emailsRepeatedAcrossTheKill, republishedAfterRestart, publishedTwiceInOneRun,
                    caughtUp, catchUpTook.toSeconds());
        }
    }

    private final Path template;
    private final Path work;
    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    public KillDrill(Path template, Path work, Settings settings) {
        this.template = template;
        this.work = work;
        this.settings = settings;
    }

    public Figures run() throws Exception {
        Path data = work.resolve("data");
        LocalCloudProcess.Ports ports = LocalCloudProcess.Ports.free();
        String base = ports.httpUrl();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // fault id → its title
        AtomicLong attempted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong unanswered = new AtomicLong();
        Map<String, Set<String>> publishedFirst = new ConcurrentHashMap<>(); // event id → SNS message ids
        Map<String, Set<String>> publishedSecond = new ConcurrentHashMap<>();
        long loadStarted;
        long loadEnded;
        java.time.Instant killedAt;
        try (LocalCloudProcess first = LocalCloudProcess.start(template, data, ports, work.resolve("first.log"))) {
            DemoData demo = DemoData.load(data.resolve("demo.json"));
            String token = signIn(base, demo.account("owner").orElseThrow().email());
            String buildingId = demo.ids().get("buildingId");
            String unitId = demo.ids().get("unit.1A");
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watchPublished(base, loading, publishedFirst));
            AtomicLong slot = new AtomicLong();
            long intervalNanos = 1_000_000_000L / Math.max(1, settings.ratePerSecond());
            loadStarted = System.nanoTime();
            long ends = loadStarted + settings.load().toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                workers.add(pool.submit(() -> {
                    while (loading.get()) {
                        long due = loadStarted + slot.getAndIncrement() * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        if (!loading.get()) return null;
                        String title = "Drill " + run + " fault " + attempted.incrementAndGet();
                        try {
                            HttpResponse<String> response = send(base, "POST", "/faults", token, Map.of("title", title,
                                    "description", "Reported by the kill -9 drill", "category", "other",
                                    "buildingId", buildingId, "unitId", unitId));
                            if (response.statusCode() == 201) acknowledged.put(JSON.readTree(response.body()).path("faultId").asText(), title);
                            else refused.incrementAndGet();
                        } catch (IOException cut) {
                            unanswered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            while (System.nanoTime() < ends) Thread.sleep(50);
            // The kill comes while the workers are still sending: some requests are in flight, unanswered.
            first.kill();
            killedAt = java.time.Instant.now();
            loadEnded = System.nanoTime();
            loading.set(false);
            for (Future<?> worker : workers) worker.get();
            pool.shutdown();
            watcher.join();
        }

        long catchUpStarted = System.nanoTime();
        try (LocalCloudProcess second = LocalCloudProcess.start(template, data, ports, work.resolve("second.log"));
             DynamoDbClient dynamoDb = dynamoDb(ports)) {
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = Thread.ofPlatform().daemon().start(() -> watchPublished(base, watching, publishedSecond));
            DemoData demo = DemoData.load(data.resolve("demo.json"));
            String token = signIn(base, demo.account("owner").orElseThrow().email());
            List<String> missing = new ArrayList<>();
            for (String faultId : acknowledged.keySet()) {
                if (!stored(base, token, faultId)) missing.add(faultId);
            }

            long deadline = System.nanoTime() + settings.catchUp().toNanos();
            Delivery delivery;
            while (true) {
                delivery = delivery(dynamoDb, acknowledged.keySet());
                Emails emails = emails(base, dynamoDb, acknowledged.values(), killedAt);
                boolean done = delivery.undelivered().isEmpty() && emails.found() >= acknowledged.size();
                if (done || System.nanoTime() > deadline) {
                    watching.set(false);
                    watcher.join();
                    long republished = publishedSecond.keySet().stream().filter(publishedFirst::containsKey).count();
                    long twice = publishedFirst.values().stream().filter(ids -> ids.size() > 1).count()
                            + publishedSecond.values().stream().filter(ids -> ids.size() > 1).count();
                    double seconds = (loadEnded - loadStarted) / 1e9;
                    return new Figures(attempted.get(), acknowledged.size(), refused.get(), unanswered.get(), acknowledged.size() / seconds,
                            acknowledged.size() - missing.size(), missing,
                            acknowledged.size(), delivery.inOutbox(), delivery.published(), delivery.handledOnce(), delivery.undelivered(),
                            acknowledged.size(), emails.found(), emails.duplicated(), emails.repeatedAcrossTheKill(),
                            republished, twice, Duration.ofNanos(System.nanoTime() - catchUpStarted), done);
                }
                Thread.sleep(2000);
            }
        }
    }

    /** Read back over the API; a 5xx while the restarted platform catches up is asked again, a 404 is an answer. */
    private boolean stored(String base, String token, String faultId) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int status = send(base, "GET", "/faults/" + faultId, token, null).statusCode();
            if (status < 500 || attempt == 5) return status == 200;
            Thread.sleep(1000);
        }
    }

    private record Delivery(long inOutbox, long published, Map<String, Long> handledOnce, List<String> undelivered) {}

    /** The outbox items of the faults' {@code FaultReported} events and the consumers' idempotency records of them. */
    private static Delivery delivery(DynamoDbClient dynamoDb, Set<String> faultIds) {
        String table = table(dynamoDb, "DomusTable");
        Map<String, String> eventOfFault = new HashMap<>();
        long published = 0;
        for (Map<String, AttributeValue> item : scan(dynamoDb, table, "begins_with(pk, :outbox) AND eventType = :type",
                Map.of(":outbox", AttributeValue.fromS("OUTBOX#"), ":type", AttributeValue.fromS("FaultReported")))) {
            String faultId = item.get("aggregateId").s();
            if (!faultIds.contains(faultId)) continue;
            eventOfFault.put(faultId, item.get("eventId").s());
            if (item.containsKey("publishedAt")) published++;
        }
        Set<String> completed = new HashSet<>();
        for (Map<String, AttributeValue> item : scan(dynamoDb, table(dynamoDb, "IdempotencyTable"), "#status = :completed",
                Map.of(":completed", AttributeValue.fromS("COMPLETED")), Map.of("#status", "status"))) {
            completed.add(item.get("id").s());
        }
        Map<String, Long> handledOnce = new LinkedHashMap<>();
        List<String> undelivered = new ArrayList<>();
        for (String consumer : CONSUMERS) handledOnce.put(consumer, 0L);
        for (String faultId : faultIds) {
            String eventId = eventOfFault.get(faultId);
            boolean all = eventId != null;
            for (String consumer : CONSUMERS) {
                if (eventId != null && completed.contains(consumer + "#" + sha256(eventId))) handledOnce.merge(consumer, 1L, Long::sum);
                else all = false;
            }
            if (!all) undelivered.add(faultId);
        }
        return new Delivery(eventOfFault.size(), published, handledOnce, undelivered);
    }

    private record Emails(long found, long duplicated, long repeatedAcrossTheKill) {}

    /**
     * The managers' e-mails about the drill's faults in the local outbox ("New fault: <title>", or "New fault needs a
     * technician: <title>" when nobody could be assigned): how many faults have at least one, how many copies there
     * are beyond one per fault and recipient, and how many of those extra copies fall in the one window the notifier
     * cannot close.
     *
     * <p>That window: SES accepted the e-mail, and the process died before the notifier stored its delivery record
     * and completed the send's idempotency record. SES's {@code SendEmail} takes no idempotency key and cannot be
     * asked what it sent, so the retry after the restart sends it again, as it would on AWS after a crash there. Such
     * a copy is recognised exactly: its SES message id is on no delivery record, it was accepted before the kill, and
     * the recorded copy after the restart. Any other extra copy (both recorded, both in one run, an SDK retry under
     * load) is a duplicate the platform should not have sent.
     */
    private Emails emails(String base, DynamoDbClient dynamoDb, java.util.Collection<String> titles, java.time.Instant killedAt) throws Exception {
        Set<String> wanted = new HashSet<>(titles);
        Map<String, List<JsonNode>> perFaultAndRecipient = new HashMap<>();
        Set<String> faultsTold = new HashSet<>();
        for (JsonNode message : JSON.readTree(send(base, "GET", "/_local/outbox", null, null).body())) {
            String subject = message.path("subject").asText("");
            int colon = subject.indexOf(": ");
            if (colon < 0 || !subject.startsWith("New fault")) continue;
            String title = subject.substring(colon + 2);
            if (!wanted.contains(title)) continue;
            faultsTold.add(title);
            for (JsonNode to : message.path("to")) perFaultAndRecipient.computeIfAbsent(title + " " + to.asText(), k -> new ArrayList<>()).add(message);
        }
        List<List<Copy>> copies = new ArrayList<>();
        for (List<JsonNode> messages : perFaultAndRecipient.values()) {
            copies.add(messages.stream().map(m -> new Copy(m.path("id").asText(), sentAt(m))).toList());
        }
        boolean anyTwice = copies.stream().anyMatch(c -> c.size() > 1);
        Duplicates duplicates = duplicates(copies, anyTwice ? recordedSesMessageIds(dynamoDb) : Set.of(), killedAt);
        return new Emails(faultsTold.size(), duplicates.extra(), duplicates.repeatedAcrossTheKill());
    }

    /** One e-mail in the outbox: its SES message id and when SES accepted it. */
    record Copy(String sesMessageId, java.time.Instant sentAt) {}

    record Duplicates(long extra, long repeatedAcrossTheKill) {}

    /**
     * Of the copies of each (fault, recipient) e-mail: how many there are beyond one, and how many of those are the
     * pair the kill explains (the earlier accepted before the kill and on no delivery record, the later recorded and
     * accepted after it).
     */
    static Duplicates duplicates(List<List<Copy>> perFaultAndRecipient, Set<String> recorded, java.time.Instant killedAt) {
        long extra = 0;
        long acrossTheKill = 0;
        for (List<Copy> copies : perFaultAndRecipient) {
            if (copies.size() < 2) continue;
            extra += copies.size() - 1;
            if (copies.size() != 2) continue;
            List<Copy> inOrder = copies.stream().sorted(java.util.Comparator.comparing(Copy::sentAt)).toList();
            Copy first = inOrder.get(0);
            Copy second = inOrder.get(1);
            boolean firstCutShort = !recorded.contains(first.sesMessageId()) && first.sentAt().isBefore(killedAt);
            boolean secondRecordedAfter = recorded.contains(second.sesMessageId()) && second.sentAt().isAfter(killedAt);
            if (firstCutShort && secondRecordedAfter) acrossTheKill++;
        }
        return new Duplicates(extra, acrossTheKill);
    }

    /** The SES message ids the notifier stored on its delivery records ({@code DELIVERY#…} items). */
    private static Set<String> recordedSesMessageIds(DynamoDbClient dynamoDb) {
        Set<String> ids = new HashSet<>();
        for (Map<String, AttributeValue> item : scan(dynamoDb, table(dynamoDb, "DomusTable"),
                "begins_with(sk, :delivery) AND attribute_exists(providerMessageId)", Map.of(":delivery", AttributeValue.fromS("DELIVERY#")))) {
            ids.add(item.get("providerMessageId").s());
        }
        return ids;
    }

    private static java.time.Instant sentAt(JsonNode message) {
        JsonNode sentAt = message.path("sentAt");
        if (sentAt.isNumber()) return java.time.Instant.ofEpochMilli(Math.round(sentAt.asDouble() * 1000));
        return java.time.Instant.parse(sentAt.asText());
    }

    private void watchPublished(String base, AtomicBoolean running, Map<String, Set<String>> published) {
        while (running.get()) {
            try {
                for (JsonNode event : JSON.readTree(send(base, "GET", "/_local/events?type=FaultReported", null, null).body())) {
                    String eventId = JSON.readTree(event.path("message").asText()).path("id").asText();
                    published.computeIfAbsent(eventId, id -> ConcurrentHashMap.newKeySet()).add(event.path("messageId").asText());
                }
                Thread.sleep(250);
            } catch (IOException gone) {
                // killed, or not answering under load: look again
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String signIn(String base, String email) throws Exception {
        HttpResponse<String> response = send(base, "POST", "/auth/login", null, Map.of("email", email, "password", DomusDemoSeeder.PASSWORD));
        if (response.statusCode() != 200) throw new IllegalStateException("Sign-in of " + email + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body()).path("accessToken").asText();
    }

    private HttpResponse<String> send(String base, String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) request.header("authorization", "Bearer " + token);
        if ("POST".equals(method) && path.equals("/faults")) request.header("Idempotency-Key", UUID.randomUUID().toString());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static DynamoDbClient dynamoDb(LocalCloudProcess.Ports ports) {
        return DynamoDbClient.builder().endpointOverride(URI.create(ports.dynamoDbUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String table(DynamoDbClient dynamoDb, String logicalId) {
        return dynamoDb.listTables().tableNames().stream().filter(name -> name.equals(logicalId) || name.contains(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No table " + logicalId + " among " + dynamoDb.listTables().tableNames()));
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table, String filter, Map<String, AttributeValue> values) {
        return scan(dynamoDb, table, filter, values, Map.of());
    }

    private static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table, String filter,
                                                          Map<String, AttributeValue> values, Map<String, String> names) {
        ScanRequest.Builder request = ScanRequest.builder().tableName(table).filterExpression(filter).expressionAttributeValues(values);
        if (!names.isEmpty()) request.expressionAttributeNames(names);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(request.build()).items().forEach(items::add);
        return items;
    }

    /** As the kernel's idempotency store keys a record: {@code <scope>#<sha-256 of the key, hex>}. */
    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
