package app.domus.notifications;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SES v2 and SNS on a local port, as far as the notifier uses them: SES's REST-JSON {@code SendEmail} and
 * SNS's Query-protocol {@code Publish}, {@code CreatePlatformEndpoint} and {@code DeleteEndpoint}. It records
 * every call, and can be told to refuse publishing to an endpoint (disabled) or a phone number (once), or deleting an
 * endpoint.
 */
public final class FakeAws implements AutoCloseable {
    private static final String SNS_NS = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** One call: the action, SNS's form parameters, or SES's JSON body. */
    public record Call(String action, Map<String, String> params, JsonNode json) {}

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final Set<String> disabledEndpoints = ConcurrentHashMap.newKeySet();
    public final Set<String> phonesFailingOnce = ConcurrentHashMap.newKeySet();
    /** Endpoints that SNS refuses to delete (an error answer) while they are in this set. */
    public final Set<String> endpointsFailingDelete = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();
    private final HttpServer server;

    public FakeAws() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public SesV2Client ses() {
        return SesV2Client.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SnsClient sns() {
        return SnsClient.builder().endpointOverride(endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public List<JsonNode> emails() {
        return calls.stream().filter(c -> c.action().equals("SendEmail")).map(Call::json).toList();
    }

    public List<Map<String, String>> sms() {
        return publishes().stream().filter(p -> p.containsKey("PhoneNumber")).toList();
    }

    public List<Map<String, String>> pushes() {
        return publishes().stream().filter(p -> p.containsKey("TargetArn")).toList();
    }

    public List<Map<String, String>> of(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).map(Call::params).toList();
    }

    private List<Map<String, String>> publishes() {
        return of("Publish");
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails")) {
            calls.add(new Call("SendEmail", Map.of(), Json.tree(body)));
            respond(exchange, 200, "application/json", "{\"MessageId\":\"ses-" + ids.incrementAndGet() + "\"}");
            return;
        }
        Map<String, String> form = form(body);
        String action = form.getOrDefault("Action", "");
        calls.add(new Call(action, form, null));
        switch (action) {
            case "Publish" -> {
                if (form.containsKey("TargetArn") && disabledEndpoints.contains(form.get("TargetArn"))) {
                    snsError(exchange, "EndpointDisabled", "Endpoint is disabled");
                } else if (form.containsKey("PhoneNumber") && phonesFailingOnce.remove(form.get("PhoneNumber"))) {
                    snsError(exchange, "InvalidParameter", "Invalid parameter: PhoneNumber");
                } else {
                    snsResult(exchange, "Publish", "<MessageId>sns-" + ids.incrementAndGet() + "</MessageId>");
                }
            }
            case "CreatePlatformEndpoint" -> snsResult(exchange, action, "<EndpointArn>"
                    + form.get("PlatformApplicationArn").replace(":app/", ":endpoint/") + "/" + ids.incrementAndGet()
                    + "</EndpointArn>");
            case "DeleteEndpoint" -> {
                if (endpointsFailingDelete.contains(form.get("EndpointArn"))) snsError(exchange, "InternalError", "Try again");
                else snsResult(exchange, action, null);
            }
            default -> snsError(exchange, "InvalidAction", "Not faked: " + action);
        }
    }

    private static void snsResult(HttpExchange exchange, String action, String result) throws IOException {
        String xml = "<" + action + "Response xmlns=\"" + SNS_NS + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></" + action + "Response>";
        respond(exchange, 200, "text/xml", xml);
    }

    private static void snsError(HttpExchange exchange, String code, String message) throws IOException {
        respond(exchange, 400, "text/xml", "<ErrorResponse xmlns=\"" + SNS_NS + "\"><Error><Type>Sender</Type><Code>"
                + code + "</Code><Message>" + message + "</Message></Error><RequestId>fake</RequestId></ErrorResponse>");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
