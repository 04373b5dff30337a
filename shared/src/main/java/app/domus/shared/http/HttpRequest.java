package app.domus.shared.http;

import app.domus.shared.auth.Caller;
import app.domus.shared.json.Json;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An HTTP API (payload 2.0) request as a handler sees it. */
public final class HttpRequest {
    /** Bodies above this are refused before parsing; handlers that take photos raise it. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;
    private final String correlationId;
    private final int maxBodyBytes;

    public HttpRequest(APIGatewayV2HTTPEvent event, String correlationId, int maxBodyBytes) {
        this.event = event;
        this.correlationId = correlationId;
        this.maxBodyBytes = maxBodyBytes;
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) lower.putAll(event.getHeaders());
        this.headers = lower;
    }

    public String method() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null ? "GET" : http.getMethod();
    }

    public String path() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    public String correlationId() {
        return correlationId;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
    }

    public String sourceIp() {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        return http == null || http.getSourceIp() == null ? "unknown" : http.getSourceIp();
    }

    public String userAgent() {
        return header("user-agent").orElse("");
    }

    /** A path parameter the route declares; a malformed one is a 404 (no such resource), not a 400. */
    public String pathParam(String name) {
        String value = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
        if (value == null || !value.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.notFound("The resource");
        return value;
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name)).filter(v -> !v.isBlank());
    }

    /** A cookie the browser sent (payload 2.0 passes them in {@code cookies}, each {@code name=value}); the first of that name. */
    public Optional<String> cookie(String name) {
        if (event.getCookies() == null) return Optional.empty();
        return event.getCookies().stream()
                .map(String::strip)
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1))
                .filter(v -> !v.isBlank())
                .findFirst();
    }

    /** {@code limit} for list endpoints: 1 to 100, 25 when absent. */
    public int limit() {
        String raw = query("limit").orElse("25");
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 100) return limit;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.validation("limit", "must be a whole number from 1 to 100");
    }

    /** The version the caller read ({@code If-Match: "3"}), if it sent one. */
    public Optional<Long> ifMatchVersion() {
        return header("if-match").map(value -> {
            String v = value.strip();
            if (v.startsWith("W/")) v = v.substring(2);
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ApiException(ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this resource");
            }
        });
    }

    /** The route that matched ({@code GET /buildings/{buildingId}}), or the method and path when the event names none. */
    public String routeKey() {
        return event.getRouteKey() == null || event.getRouteKey().isBlank() ? method() + " " + path() : event.getRouteKey();
    }

    /** The caller when the request carries a token the authorizer accepted; empty on a public route without one. */
    public Optional<Caller> signedInCaller() {
        var ctx = event.getRequestContext();
        var authorizer = ctx == null ? null : ctx.getAuthorizer();
        var jwt = authorizer == null ? null : authorizer.getJwt();
        Map<String, String> claims = jwt == null ? null : jwt.getClaims();
        return claims == null || claims.get("sub") == null ? Optional.empty() : Optional.of(caller());
    }

    public Caller caller() {
        var ctx = event.getRequestContext();
        var authorizer = ctx == null ? null : ctx.getAuthorizer();
        var jwt = authorizer == null ? null : authorizer.getJwt();
        Map<String, String> claims = jwt == null ? null : jwt.getClaims();
        if (claims == null || claims.get("sub") == null) {
            throw new ApiException(ProblemType.UNAUTHORIZED, "Sign in to use this endpoint");
        }
        return new Caller(claims.get("sub"), claims.get("email"), claims.get("sid"), "true".equals(claims.get("email_verified")));
    }

    public byte[] rawBody() {
        String body = event.getBody();
        if (body == null) return new byte[0];
        if (body.length() > maxBodyBytes * 4 / 3 + 4) throw tooLarge();
        byte[] bytes;
        try {
            bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "The request body is not valid base64");
        }
        if (bytes.length > maxBodyBytes) throw tooLarge();
        return bytes;
    }

    private ApiException tooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE, "The request body must not exceed " + maxBodyBytes + " bytes");
    }

    /** Parses and validates the JSON body. Any failure is a 4xx problem; nothing has been stored yet. */
    public <T extends Validated> T json(Class<T> type) {
        header("content-type").ifPresent(contentType -> {
            String mediaType = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            }
        });
        byte[] bytes = rawBody();
        if (bytes.length == 0) throw ApiException.validation("body", "is required");
        T value;
        try {
            value = Json.MAPPER.readValue(bytes, type);
        } catch (JsonParseException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.validation(fieldPath(e), "is not a known field");
        } catch (JsonMappingException e) {
            throw ApiException.validation(fieldPath(e), "has the wrong type");
        } catch (JacksonException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        } catch (java.io.IOException e) {
            throw new ApiException(ProblemType.MALFORMED_JSON, "The request body could not be read");
        }
        if (value == null) throw ApiException.validation("body", "must be a JSON object");
        Validator validator = new Validator();
        value.validate(validator);
        validator.throwIfInvalid();
        return value;
    }

    private static String fieldPath(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path == null || path.isEmpty()) return "body";
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
    }
}
