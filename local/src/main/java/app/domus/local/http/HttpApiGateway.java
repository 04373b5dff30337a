package app.domus.local.http;

import app.domus.local.Deployment;
import app.domus.local.json.Json;
import app.domus.local.runtime.FunctionError;
import app.domus.local.runtime.Functions;
import app.domus.local.template.TemplateResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP API (payload format 2.0) at the root of the HTTP port: routes with path parameters, CORS, the JWT
 * authorizer, and Lambda proxy responses, with a function's failure answered as API Gateway answers it (502). The
 * local console is mounted beside it under {@code /_local/}.
 */
public final class HttpApiGateway implements AutoCloseable {
    private static final String INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpRoutes routes;
    private final Functions functions;
    private final Map<String, JwtAuthorizer> authorizers;
    private final Cors cors;
    private final String apiId;
    private final String stage;

    public HttpApiGateway(int port, Deployment deployment, HttpRoutes routes, Functions functions, HttpHandler console) throws IOException {
        this.routes = routes;
        this.functions = functions;
        Optional<TemplateResource> api = HttpRoutes.api(deployment);
        Map<String, Object> apiProperties = api.map(deployment::properties).orElse(Map.of());
        this.authorizers = jwtAuthorizers(apiProperties);
        this.cors = Cors.from(apiProperties.get("CorsConfiguration"));
        this.apiId = api.map(deployment.names()::apiId).orElse("local");
        this.stage = String.valueOf(apiProperties.getOrDefault("StageName", "$default"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.createContext("/_local/", console);
    }

    public void start() {
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream bodyStream = exchange.getRequestBody()) {
            byte[] body = bodyStream.readAllBytes();
            String method = exchange.getRequestMethod();
            Headers requestHeaders = exchange.getRequestHeaders();
            String requestId = HttpApiEvent.newRequestId();
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            if (cors != null && Cors.isPreflight(method, requestHeaders)) {
                cors.answerPreflight(requestHeaders, exchange.getResponseHeaders());
                send(exchange, 204, null);
                return;
            }
            if (cors != null) cors.decorate(requestHeaders, exchange.getResponseHeaders());

            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<HttpRoutes.RouteMatch> match = routes.match(method, rawPath);
            if (match.isEmpty()) {
                sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            JwtAuthorizer.Decision authorization = null;
            String authorizerName = match.get().route().authorizer();
            if (authorizerName != null) {
                JwtAuthorizer authorizer = authorizers.get(authorizerName);
                if (authorizer == null) throw new IllegalStateException("Route " + match.get().route().routeKey() + " names unknown authorizer " + authorizerName);
                authorization = authorizer.authorize(requestHeaders.getFirst(authorizer.identityHeader()), match.get().route().scopes());
                if (!authorization.allowed()) {
                    System.out.println("[http] " + method + " " + rawPath + " rejected by " + authorizerName + ": " + authorization.problem());
                    if (authorization.status() == 401) exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                    sendJson(exchange, authorization.status(), authorization.status() == 401 ? "{\"message\":\"Unauthorized\"}" : "{\"message\":\"Forbidden\"}");
                    return;
                }
            }
            HttpApiEvent.Request request = new HttpApiEvent.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                    requestHeaders, body, exchange.getRemoteAddress().getAddress().getHostAddress());
            String event = Json.write(HttpApiEvent.build(request, match.get(), authorization, apiId, stage, requestId));
            String output;
            try {
                output = functions.get(match.get().route().functionLogicalId()).invoke(event);
            } catch (FunctionError e) {
                sendJson(exchange, 502, INTERNAL_ERROR);
                return;
            }
            sendFunctionResponse(exchange, output);
        }
    }

    /** Lambda proxy response: a {@code statusCode} object is the response; anything else becomes a 200 JSON body. */
    private void sendFunctionResponse(HttpExchange exchange, String output) throws IOException {
        JsonNode response = Json.readOrNull(output);
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            sendJson(exchange, 200, output == null ? "" : output);
            return;
        }
        if (!response.get("statusCode").canConvertToInt()) {
            System.err.println("[http] malformed Lambda proxy response: " + output);
            sendJson(exchange, 502, INTERNAL_ERROR);
            return;
        }
        Headers responseHeaders = exchange.getResponseHeaders();
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        headers.forEach((name, value) -> {
            if (!name.toLowerCase().startsWith("access-control-") || responseHeaders.getFirst(name) == null) responseHeaders.set(name, value);
        });
        response.path("cookies").forEach(cookie -> responseHeaders.add("Set-Cookie", cookie.asText()));
        String body = response.path("body").isNull() ? null : response.path("body").asText(null);
        byte[] bytes = body == null ? null
                : response.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        send(exchange, response.get("statusCode").asInt(), bytes);
    }

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body == null || body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Map<String, JwtAuthorizer> jwtAuthorizers(Map<String, Object> apiProperties) {
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        Map<?, ?> auth = apiProperties.get("Auth") instanceof Map<?, ?> map ? map : Map.of();
        Map<?, ?> declared = auth.get("Authorizers") instanceof Map<?, ?> map ? map : Map.of();
        declared.forEach((name, definition) -> {
            Map<?, ?> fields = (Map<?, ?>) definition;
            if (!(fields.get("JwtConfiguration") instanceof Map<?, ?> jwt)) {
                System.err.println("[http] authorizer " + name + " is not a JWT authorizer; the local cloud supports JWT authorizers on HTTP APIs");
                return;
            }
            Object audience = jwt.get("audience");
            List<String> audiences = audience instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(audience));
            String identitySource = fields.get("IdentitySource") == null ? "$request.header.Authorization" : String.valueOf(fields.get("IdentitySource"));
            authorizers.put(String.valueOf(name), new JwtAuthorizer(identitySource, String.valueOf(jwt.get("issuer")), audiences));
        });
        return authorizers;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
