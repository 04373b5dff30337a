package app.domus.meters.ocr;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.textract.TextractClient;

/** Textract's DetectDocumentText (JSON 1.1) on a local port: answers what the test sets, records what it was asked. */
final class FakeTextract implements AutoCloseable {
    record Call(String target, JsonNode body) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    volatile String answer = "{\"Blocks\":[]}";
    private final HttpServer server;

    FakeTextract() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    TextractClient client() {
        return TextractClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                // Two attempts, not the SDK's three with its throttling back-off: the tests see a retry, quickly.
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(2)))
                .build();
    }

    /** A 4xx or 5xx answer in JSON 1.1's error shape. */
    void fail(int status, String type, String message) {
        this.status = status;
        this.answer = Json.write(Map.of("__type", type, "Message", message));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        calls.add(new Call(target, body.isEmpty() ? null : Json.tree(body)));
        boolean known = "Textract.DetectDocumentText".equals(target);
        byte[] bytes = (known ? answer : "{\"__type\":\"UnknownOperationException\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(known ? status : 400, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
