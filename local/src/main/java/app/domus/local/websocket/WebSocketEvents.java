package app.domus.local.websocket;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The events API Gateway sends to a WebSocket API's functions and its REQUEST authorizer. */
final class WebSocketEvents {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WebSocketApi api;
    private final String domainName;
    private final String region;

    WebSocketEvents(WebSocketApi api, String domainName, String region) {
        this.api = api;
        this.domainName = domainName;
        this.region = region;
    }

    /** The handshake request as API Gateway describes it to {@code $connect} and the authorizer. */
    record Handshake(Map<String, List<String>> headers, Map<String, List<String>> query, String sourceIp, String userAgent) {}

    ObjectNode authorizerRequest(String connectionId, Instant connectedAt, Handshake handshake) {
        ObjectNode event = Json.object();
        event.put("type", "REQUEST");
        event.put("methodArn", "arn:aws:execute-api:" + region + ":000000000000:" + api.apiId() + "/" + api.stage() + "/$connect");
        putHandshake(event, handshake);
        event.putObject("stageVariables");
        event.set("requestContext", context("$connect", "CONNECT", connectionId, connectedAt, handshake.sourceIp(), handshake.userAgent(), null));
        return event;
    }

    ObjectNode connect(String connectionId, Instant connectedAt, Handshake handshake, Map<String, Object> authorizer) {
        ObjectNode event = Json.object();
        putHandshake(event, handshake);
        event.set("requestContext", context("$connect", "CONNECT", connectionId, connectedAt, handshake.sourceIp(), handshake.userAgent(), authorizer));
        event.put("isBase64Encoded", false);
        return event;
    }

    ObjectNode message(Connection connection, String routeKey, String body) {
        ObjectNode event = Json.object();
        ObjectNode context = context(routeKey, "MESSAGE", connection.id(), connection.connectedAt(), connection.sourceIp(), connection.userAgent(),
                connection.authorizerContext());
        context.put("messageId", UUID.randomUUID().toString().substring(0, 16));
        event.set("requestContext", context);
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    ObjectNode disconnect(Connection connection, int statusCode, String reason) {
        ObjectNode event = Json.object();
        event.putObject("headers").put("Host", domainName);
        ObjectNode context = context("$disconnect", "DISCONNECT", connection.id(), connection.connectedAt(), connection.sourceIp(), connection.userAgent(),
                connection.authorizerContext());
        context.put("disconnectStatusCode", statusCode);
        context.put("disconnectReason", reason);
        event.set("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    private ObjectNode context(String routeKey, String eventType, String connectionId, Instant connectedAt, String sourceIp, String userAgent,
                               Map<String, Object> authorizer) {
        Instant now = Instant.now();
        ObjectNode context = Json.object();
        context.put("routeKey", routeKey);
        context.put("eventType", eventType);
        context.put("extendedRequestId", UUID.randomUUID().toString());
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("messageDirection", "IN");
        context.put("stage", api.stage());
        context.put("connectedAt", connectedAt.toEpochMilli());
        context.put("requestTimeEpoch", now.toEpochMilli());
        context.putObject("identity").put("sourceIp", sourceIp).put("userAgent", userAgent);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("domainName", domainName);
        context.put("connectionId", connectionId);
        context.put("apiId", api.apiId());
        if (authorizer != null) context.set("authorizer", Json.MAPPER.valueToTree(authorizer));
        return context;
    }

    private static void putHandshake(ObjectNode event, Handshake handshake) {
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        handshake.headers().forEach((name, values) -> {
            headers.put(name, String.join(",", values));
            multiValueHeaders.set(name, Json.MAPPER.valueToTree(values));
        });
        if (!handshake.query().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            ObjectNode multiValueQuery = event.putObject("multiValueQueryStringParameters");
            handshake.query().forEach((name, values) -> {
                query.put(name, values.getLast());
                multiValueQuery.set(name, Json.MAPPER.valueToTree(values));
            });
        }
    }
}
