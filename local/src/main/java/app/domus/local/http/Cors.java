package app.domus.local.http;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: preflight requests are answered by
 * the gateway itself, and the configured headers are put on every response to an allowed origin.
 */
final class Cors {
    private final List<String> allowOrigins;
    private final List<String> allowHeaders;
    private final List<String> allowMethods;
    private final List<String> exposeHeaders;
    private final String maxAge;
    private final boolean allowCredentials;

    private Cors(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods, List<String> exposeHeaders,
                 String maxAge, boolean allowCredentials) {
        this.allowOrigins = allowOrigins;
        this.allowHeaders = allowHeaders;
        this.allowMethods = allowMethods;
        this.exposeHeaders = exposeHeaders;
        this.maxAge = maxAge;
        this.allowCredentials = allowCredentials;
    }

    /** {@code null} when the API has no CORS configuration: the gateway then adds nothing. */
    static Cors from(Object configuration) {
        if (Boolean.TRUE.equals(configuration) || "true".equals(configuration)) {
            return new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        if (!(configuration instanceof Map<?, ?> map)) return null;
        return new Cors(strings(map.get("AllowOrigins")), strings(map.get("AllowHeaders")), strings(map.get("AllowMethods")),
                strings(map.get("ExposeHeaders")), map.get("MaxAge") == null ? null : String.valueOf(map.get("MaxAge")),
                Boolean.parseBoolean(String.valueOf(map.get("AllowCredentials"))));
    }

    static boolean isPreflight(String method, Headers requestHeaders) {
        return method.equals("OPTIONS") && requestHeaders.containsKey("Origin") && requestHeaders.containsKey("Access-Control-Request-Method");
    }

    /** Adds the preflight answer's headers; the caller sends 204. */
    void answerPreflight(Headers requestHeaders, Headers responseHeaders) {
        String origin = requestHeaders.getFirst("Origin");
        if (!originAllowed(origin)) return;
        responseHeaders.set("Access-Control-Allow-Origin", allowedOriginValue(origin));
        responseHeaders.set("Access-Control-Allow-Methods", allowMethods.contains("*")
                ? requestHeaders.getFirst("Access-Control-Request-Method") : String.join(",", allowMethods));
        String requested = requestHeaders.getFirst("Access-Control-Request-Headers");
        if (!allowHeaders.isEmpty()) {
            responseHeaders.set("Access-Control-Allow-Headers", allowHeaders.contains("*") && requested != null ? requested : String.join(",", allowHeaders));
        }
        if (maxAge != null) responseHeaders.set("Access-Control-Max-Age", maxAge);
        if (allowCredentials) responseHeaders.set("Access-Control-Allow-Credentials", "true");
    }

    void decorate(Headers requestHeaders, Headers responseHeaders) {
        String origin = requestHeaders.getFirst("Origin");
        if (origin == null || !originAllowed(origin)) return;
        responseHeaders.set("Access-Control-Allow-Origin", allowedOriginValue(origin));
        if (!exposeHeaders.isEmpty()) responseHeaders.set("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        if (allowCredentials) responseHeaders.set("Access-Control-Allow-Credentials", "true");
    }

    private boolean originAllowed(String origin) {
        return allowOrigins.contains("*") || allowOrigins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
    }

    private String allowedOriginValue(String origin) {
        return allowOrigins.contains("*") && !allowCredentials ? "*" : origin;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).map(text -> text.replace("'", "")).toList();
        if (value == null) return List.of();
        return List.of(String.valueOf(value).replace("'", "").split("\\s*,\\s*"));
    }
}
