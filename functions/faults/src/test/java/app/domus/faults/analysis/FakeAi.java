package app.domus.faults.analysis;

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
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * Bedrock Runtime's Converse (REST-JSON) and Rekognition's DetectLabels (JSON 1.1) on a local port, as far as
 * the AWS provider uses them. It answers what the test sets and records what it was asked.
 */
final class FakeAi implements AutoCloseable {
    record Call(String path, String target, JsonNode body) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile String modelAnswer = "{\"category\":\"plumbing\",\"confidence\":0.9,\"tags\":[\"leak\"]}";
    volatile List<String> labels = List.of("Pipe");
    volatile int modelStatus = 200;
    volatile int labelsStatus = 200;
    private final HttpServer server;

    FakeAi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    BedrockRuntimeClient bedrock() {
        return BedrockRuntimeClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    RekognitionClient rekognition() {
        return RekognitionClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    List<Call> of(String what) {
        return calls.stream().filter(c -> what.equals(c.target()) || c.path().endsWith(what)).toList();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        calls.add(new Call(exchange.getRequestURI().getRawPath(), target, body.isEmpty() ? null : Json.tree(body)));
        if ("RekognitionService.DetectLabels".equals(target)) {
            Object answer = labelsStatus == 200
                    ? Map.of("Labels", labels.stream().map(l -> Map.of("Name", l, "Confidence", 97.5)).toList())
                    : Map.of("__type", "InvalidS3ObjectException", "message", "Unable to get object metadata from S3");
            respond(exchange, labelsStatus, "application/x-amz-json-1.1", Json.write(answer));
        } else if (exchange.getRequestURI().getPath().endsWith("/converse")) {
            Object answer = modelStatus == 200
                    ? Map.of("output", Map.of("message", Map.of("role", "assistant", "content", List.of(Map.of("text", modelAnswer)))),
                            "stopReason", "end_turn", "usage", Map.of("inputTokens", 10, "outputTokens", 10, "totalTokens", 20),
                            "metrics", Map.of("latencyMs", 5))
                    : Map.of("message", "Access denied to the model");
            if (modelStatus != 200) exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
            respond(exchange, modelStatus, "application/json", Json.write(answer));
        } else {
            respond(exchange, 404, "application/json", "{}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
