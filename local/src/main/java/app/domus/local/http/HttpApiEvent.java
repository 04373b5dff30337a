package app.domus.local.http;

import app.domus.local.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds the HTTP API payload format 2.0 event that a function behind a route receives. */
final class HttpApiEvent {
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_TYPES = List.of("text/", "application/json", "application/xml", "application/javascript",
            "application/x-www-form-urlencoded", "+json", "+xml");

    private HttpApiEvent() {}

    /** Everything the gateway knows about one request. */
    record Request(String method, String rawPath, String rawQuery, Headers headers, byte[] body, String sourceIp) {}

    static ObjectNode build(Request request, HttpRoutes.RouteMatch match, JwtAuthorizer.Decision authorization, String apiId,
                            String stage, String requestId) {
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Cookie")) headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
        });
        List<String> cookieHeaders = request.headers().getOrDefault("Cookie", List.of());
        if (!cookieHeaders.isEmpty()) {
            ArrayNode cookies = event.putArray("cookies");
            cookieHeaders.forEach(header -> List.of(header.split(";\\s*")).forEach(cookies::add));
        }
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) event.set("queryStringParameters", Json.MAPPER.valueToTree(query));
        if (!match.pathParameters().isEmpty()) event.set("pathParameters", Json.MAPPER.valueToTree(match.pathParameters()));

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", apiId);
        if (authorization != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            jwt.set("claims", Json.MAPPER.valueToTree(authorization.claims()));
            if (authorization.scopes().isEmpty()) jwt.putNull("scopes"); else jwt.set("scopes", Json.MAPPER.valueToTree(authorization.scopes()));
        }
        String host = request.headers().getFirst("Host");
        context.put("domainName", host == null ? "127.0.0.1" : host);
        context.put("domainPrefix", host == null ? "127" : host.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().getFirst("User-Agent") == null ? "" : request.headers().getFirst("User-Agent"));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", stage);
        Instant now = Instant.now();
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        if (request.body().length > 0) {
            boolean text = isText(request.headers().getFirst("Content-Type"));
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Repeated parameters are joined with commas, as in payload format 2.0. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) return true;
        String lower = contentType.toLowerCase(Locale.ROOT);
        return TEXT_TYPES.stream().anyMatch(lower::contains);
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }
}
