package app.domus.bench.warm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * DynamoDB HTTP exchanges: recorded once against the local cloud's DynamoDB Local, replayed by a stub
 * {@link SdkHttpClient} (no socket, no server: the canned bytes, headers and CRC as DynamoDB sent them).
 */
public final class Exchanges {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One request and its answer; {@code target} is the {@code X-Amz-Target} header, e.g. {@code DynamoDB_20120810.GetItem}. */
    public record Exchange(String target, String requestBody, int status, Map<String, List<String>> headers, String responseBody) {}

    private Exchanges() {}

    public static void save(List<Exchange> exchanges, java.nio.file.Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), exchanges);
    }

    public static List<Exchange> load(java.nio.file.Path file) throws IOException {
        return List.of(JSON.readValue(file.toFile(), Exchange[].class));
    }

    /** Passes every request to {@code delegate} and keeps a copy of both sides. */
    public static final class Recorder implements SdkHttpClient {
        private final SdkHttpClient delegate;
        private final List<Exchange> recorded = new ArrayList<>();

        public Recorder(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        public synchronized List<Exchange> recorded() {
            return List.copyOf(recorded);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] body = request.contentStreamProvider().map(provider -> readAll(provider.newStream())).orElse(new byte[0]);
            HttpExecuteRequest copy = HttpExecuteRequest.builder().request(request.httpRequest())
                    .contentStreamProvider(() -> new ByteArrayInputStream(body)).build();
            ExecutableHttpRequest call = delegate.prepareRequest(copy);
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    HttpExecuteResponse response = call.call();
                    byte[] answer = response.responseBody().map(Exchanges::readAll).orElse(new byte[0]);
                    synchronized (Recorder.this) {
                        recorded.add(new Exchange(target, new String(body), response.httpResponse().statusCode(),
                                response.httpResponse().headers(), new String(answer)));
                    }
                    return HttpExecuteResponse.builder().response(response.httpResponse())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer))).build();
                }

                @Override
                public void abort() {
                    call.abort();
                }
            };
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Answers each request with the recorded answer to the same operation (in recorded order, round robin). */
    public static final class Stub implements SdkHttpClient {
        private final Map<String, List<Exchange>> byTarget = new LinkedHashMap<>();
        private final Map<String, Integer> next = new LinkedHashMap<>();

        public Stub(List<Exchange> exchanges) {
            for (Exchange exchange : exchanges) byTarget.computeIfAbsent(exchange.target(), t -> new ArrayList<>()).add(exchange);
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            // Read the request as a client writes it to the socket.
            request.contentStreamProvider().ifPresent(provider -> {
                try (InputStream in = provider.newStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
            List<Exchange> candidates = byTarget.get(target);
            if (candidates == null) throw new IllegalStateException("no recorded answer for " + target);
            int index = next.merge(target, 1, Integer::sum) - 1;
            Exchange exchange = candidates.get(index % candidates.size());
            byte[] body = exchange.responseBody().getBytes();
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpFullResponse response = SdkHttpResponse.builder().statusCode(exchange.status()).headers(exchange.headers()).build();
                    return HttpExecuteResponse.builder().response(response)
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }

    /** The recorded request as an SDK request object, to issue it directly (GetItem and Query, what the handler sends). */
    public static Object sdkRequest(Exchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.requestBody());
        String operation = exchange.target().substring(exchange.target().indexOf('.') + 1);
        switch (operation) {
            case "GetItem" -> {
                GetItemRequest.Builder builder = GetItemRequest.builder().tableName(body.path("TableName").asText()).key(item(body.path("Key")));
                if (body.has("ConsistentRead")) builder.consistentRead(body.get("ConsistentRead").asBoolean());
                if (body.has("ProjectionExpression")) builder.projectionExpression(body.get("ProjectionExpression").asText());
                if (body.has("ExpressionAttributeNames")) builder.expressionAttributeNames(strings(body.get("ExpressionAttributeNames")));
                return builder.build();
            }
            case "Query" -> {
                QueryRequest.Builder builder = QueryRequest.builder().tableName(body.path("TableName").asText());
                if (body.has("IndexName")) builder.indexName(body.get("IndexName").asText());
                if (body.has("KeyConditionExpression")) builder.keyConditionExpression(body.get("KeyConditionExpression").asText());
                if (body.has("FilterExpression")) builder.filterExpression(body.get("FilterExpression").asText());
                if (body.has("ProjectionExpression")) builder.projectionExpression(body.get("ProjectionExpression").asText());
                if (body.has("ExpressionAttributeNames")) builder.expressionAttributeNames(strings(body.get("ExpressionAttributeNames")));
                if (body.has("ExpressionAttributeValues")) builder.expressionAttributeValues(item(body.get("ExpressionAttributeValues")));
                if (body.has("ExclusiveStartKey")) builder.exclusiveStartKey(item(body.get("ExclusiveStartKey")));
                if (body.has("Limit")) builder.limit(body.get("Limit").asInt());
                if (body.has("ScanIndexForward")) builder.scanIndexForward(body.get("ScanIndexForward").asBoolean());
                if (body.has("ConsistentRead")) builder.consistentRead(body.get("ConsistentRead").asBoolean());
                return builder.build();
            }
            default -> throw new IllegalArgumentException("the raw baseline knows GetItem and Query, not " + operation);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), value(entry.getValue())));
        return map;
    }

    private static AttributeValue value(JsonNode node) {
        if (node.has("S")) return AttributeValue.fromS(node.get("S").asText());
        if (node.has("N")) return AttributeValue.fromN(node.get("N").asText());
        if (node.has("BOOL")) return AttributeValue.fromBool(node.get("BOOL").asBoolean());
        if (node.has("NULL")) return AttributeValue.fromNul(true);
        if (node.has("B")) return AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(node.get("B").asText())));
        if (node.has("M")) return AttributeValue.fromM(item(node.get("M")));
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(element -> list.add(value(element)));
            return AttributeValue.fromL(list);
        }
        if (node.has("SS")) {
            List<String> list = new ArrayList<>();
            node.get("SS").forEach(element -> list.add(element.asText()));
            return AttributeValue.fromSs(list);
        }
        if (node.has("NS")) {
            List<String> list = new ArrayList<>();
            node.get("NS").forEach(element -> list.add(element.asText()));
            return AttributeValue.fromNs(list);
        }
        throw new IllegalArgumentException("attribute value " + node);
    }

    static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
