package app.domus.local.aws;

import app.domus.local.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one endpoint for the AWS APIs that have no emulator to embed (SNS, SES, SSM, Secrets Manager, IoT data, the WebSocket
 * {@code @connections} API). Calls are routed by the service name in their SigV4 credential scope, which every SDK
 * client sends, so all of them can share a port.
 */
public final class LocalAwsServer implements AutoCloseable {
    private static final String CONNECTIONS_PATH = "/@connections/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AwsApi> apisBySigningService = new ConcurrentHashMap<>();
    private volatile AwsApi connectionsApi;

    public LocalAwsServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public void register(String signingService, AwsApi api) {
        apisBySigningService.put(signingService, api);
    }

    /** The API Gateway management API: {@code /{stage}/@connections/{connectionId}}, whatever the signing service. */
    public void registerConnectionsApi(AwsApi api) {
        connectionsApi = api;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!app.domus.local.http.LoopbackHosts.admit(exchange)) return;
        try (exchange; InputStream body = exchange.getRequestBody()) {
            AwsRequest request = new AwsRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body.readAllBytes());
            AwsResponse response = dispatch(request);
            if (response.contentType() != null) exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean noBody = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    private AwsResponse dispatch(AwsRequest request) {
        AwsApi api = request.path().contains(CONNECTIONS_PATH) && connectionsApi != null
                ? connectionsApi
                : apisBySigningService.get(request.signingService());
        if (api == null) {
            return AwsResponse.json(400, Map.of("__type", "UnknownOperationException",
                    "message", "The Domus local cloud does not emulate the AWS service '" + request.signingService()
                            + "' (" + request.method() + " " + request.path() + ")"));
        }
        try {
            return api.handle(request);
        } catch (Exception e) {
            System.err.println("[local-aws] " + request.signingService() + " " + request.method() + " " + request.path() + " failed: " + e);
            e.printStackTrace();
            return AwsResponse.json(500, Json.write(Map.of("__type", "InternalFailure", "message", String.valueOf(e.getMessage()))));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
