package app.domus.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testfunctions.Recorded;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import app.domus.local.testing.LocalCloudTemplate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The console's endpoints behind its web pages, without a browser: dead-letter redrive and purge (all, or one message),
 * their problems for bad requests, function statistics with a failed request's log lines, a schedule's last run, and
 * the live stream (Server-Sent Events, behind the loopback Host check and without CORS headers).
 */
@ExtendWith(LocalCloudExtension.class)
@LocalCloudTemplate("classpath:test-template.yaml")
class ConsoleEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void redrivesOneDeadLetterToItsSourceQueueWhereItsFunctionHandlesIt(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString();
        String kept = deadLetter("ok kept " + run);
        String redriven = deadLetter("ok redriven " + run);

        HttpResponse<String> answer = post(cloud, "/_local/queues/WorkDLQ/redrive?messageId=" + redriven);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("redriven").asInt()).isEqualTo(1);

        Recorded.await("WorkerFunction", event -> event.path("body").asText().equals("ok redriven " + run), Duration.ofSeconds(10));
        JsonNode deadLetters = cloud.queue("WorkDLQ");
        assertThat(deadLetters.path("redrivesTo").asText()).isEqualTo("WorkQueue");
        assertThat(messageIds(deadLetters)).contains(kept).doesNotContain(redriven);

        assertThat(JSON.readTree(post(cloud, "/_local/queues/WorkDLQ/redrive").body()).path("redriven").asInt()).isGreaterThanOrEqualTo(1);
        Recorded.await("WorkerFunction", event -> event.path("body").asText().equals("ok kept " + run), Duration.ofSeconds(10));
        assertThat(messageIds(cloud.queue("WorkDLQ"))).doesNotContain(kept);
    }

    @Test
    void purgesOneMessageOrAll(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString();
        String first = deadLetter("purge one " + run);
        String second = deadLetter("purge two " + run);

        assertThat(post(cloud, "/_local/queues/WorkDLQ/purge?messageId=" + first).statusCode()).isEqualTo(200);
        assertThat(messageIds(cloud.queue("WorkDLQ"))).contains(second).doesNotContain(first);

        assertThat(post(cloud, "/_local/queues/WorkDLQ/purge").statusCode()).isEqualTo(200);
        assertThat(cloud.queue("WorkDLQ").path("deadLetterMessages").size()).isZero();
    }

    @Test
    void badQueueRequestsAnswerProblems(LocalCloudClient cloud) throws Exception {
        HttpResponse<String> notADeadLetterQueue = post(cloud, "/_local/queues/WorkQueue/redrive");
        assertThat(notADeadLetterQueue.statusCode()).isEqualTo(409);
        assertThat(notADeadLetterQueue.headers().firstValue("content-type")).hasValue("application/problem+json");

        assertThat(post(cloud, "/_local/queues/NoSuchQueue/purge").statusCode()).isEqualTo(404);
        HttpResponse<String> goneMessage = post(cloud, "/_local/queues/WorkDLQ/redrive?messageId=" + UUID.randomUUID());
        assertThat(goneMessage.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(goneMessage.body()).path("detail").asText()).contains("No message");
        assertThat(post(cloud, "/_local/queues/WorkDLQ/drain").statusCode()).isEqualTo(404);
    }

    @Test
    void functionsShowDurationsColdStartsAndAFailedRequestWithItsLogLines(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString();
        try (SqsClient sqs = SqsClient.create()) {
            sqs.sendMessage(request -> request.queueUrl(sqs.getQueueUrl(url -> url.queueName("WorkQueue")).queueUrl()).messageBody("crash " + run));
        }
        Recorded.await("WorkerFunction", event -> event.path("body").asText().equals("crash " + run), Duration.ofSeconds(10));

        JsonNode worker = awaitFunction(cloud, "WorkerFunction", state -> state.path("recentErrors").size() > 0);
        assertThat(worker.path("coldStarts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(worker.path("p50Millis").asLong()).isLessThanOrEqualTo(worker.path("p99Millis").asLong());
        JsonNode error = worker.path("recentErrors").get(0);
        assertThat(error.path("errorType").asText()).isNotBlank();

        JsonNode invocation = cloud.console("functions/WorkerFunction/invocations/" + error.path("requestId").asText());
        assertThat(invocation.path("logLines").toString()).contains("ERROR");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/_local/functions/WorkerFunction/invocations/nope")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFiredScheduleShowsItsLastRunAndItsNextOne(LocalCloudClient cloud) {
        cloud.fireSchedule("NightlyFunction");
        JsonNode nightly = find(cloud.console("schedules"), "function", "NightlyFunction");
        assertThat(nightly.path("lastRun").path("manual").asBoolean()).isTrue();
        assertThat(nightly.path("lastRun").path("error").isNull()).isTrue();
        assertThat(nightly.path("nextRun").asText()).matches("\\d{4}-.*Z");
    }

    @Test
    void theLiveStreamTellsOfAQueueChange(LocalCloudClient cloud) throws Exception {
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + "/_local/stream")).build(),
                HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(stream.headers().firstValue("access-control-allow-origin")).isEmpty();
            awaitLine(lines, "event: ready");

            post(cloud, "/_local/queues/WorkDLQ/purge");
            awaitLine(lines, "event: queues");
            assertThat(awaitLine(lines, "data: ")).contains("\"action\":\"purge\"");
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void theLiveStreamRefusesAForeignHost(LocalCloudClient cloud) throws Exception {
        int port = URI.create(cloud.httpUrl()).getPort();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /_local/stream HTTP/1.1\r\nHost: console.attacker.example\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).doesNotContain(" 200 ");
        }
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) return line;
        }
        throw new AssertionError("No line starting with " + prefix + " on the stream");
    }

    private static String deadLetter(String body) {
        try (SqsClient sqs = SqsClient.create()) {
            return sqs.sendMessage(request -> request.queueUrl(sqs.getQueueUrl(url -> url.queueName("WorkDLQ")).queueUrl()).messageBody(body)).messageId();
        }
    }

    private static List<String> messageIds(JsonNode queue) {
        List<String> ids = new ArrayList<>();
        queue.path("deadLetterMessages").forEach(message -> ids.add(message.path("messageId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) if (value.equals(element.path(field).asText())) return element;
        throw new AssertionError("No " + field + " " + value + " in " + array);
    }

    private static JsonNode awaitFunction(LocalCloudClient cloud, String name, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode state = null;
        while (System.nanoTime() < deadline) {
            state = find(cloud.console("functions"), "name", name);
            if (done.test(state)) return state;
            Thread.sleep(100);
        }
        throw new AssertionError("Function state never matched: " + state);
    }

    private HttpResponse<String> post(LocalCloudClient cloud, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.httpUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
