package app.domus.realtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The API Gateway {@code @connections} API on a local port, as the broadcaster meets it: {@code POST
 * /<stage>/@connections/<connectionId>} with the message as the body; a connection marked gone answers 410
 * {@code GoneException}, one marked broken answers 400.
 */
public final class ConnectionsDouble implements AutoCloseable {
    private static final String PREFIX = "/dev/@connections/";

    /** A message the double accepted. */
    public record Post(String connectionId, String body) {}

    public final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    public ConnectionsDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public void gone(String connectionId) {
        gone.add(connectionId);
    }

    public void broken(String connectionId) {
        broken.add(connectionId);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dev");
    }

    public ApiGatewayManagementApiClient client() {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public List<String> bodiesFor(String connectionId) {
        return posts.stream().filter(p -> p.connectionId().equals(connectionId)).map(Post::body).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX)) {
            answer(exchange, 404, null, "{\"message\":\"Not Found\"}");
            return;
        }
        String connectionId = URLDecoder.decode(path.substring(PREFIX.length()), StandardCharsets.UTF_8);
        if (gone.contains(connectionId)) {
            answer(exchange, 410, "GoneException", "{\"message\":\"Connection " + connectionId + " is gone\"}");
        } else if (broken.contains(connectionId)) {
            answer(exchange, 400, "BadRequestException", "{\"message\":\"Invalid connection\"}");
        } else {
            posts.add(new Post(connectionId, new String(body, StandardCharsets.UTF_8)));
            answer(exchange, 200, null, null);
        }
    }

    private static void answer(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        if (errorType != null) exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
