package app.domus.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the HTTP API: {@code GET /units/{unitId}}, {@code ANY /files/{proxy+}}.
 *
 * @param authorizer the JWT authorizer's name, or {@code null} for a public route ({@code Auth: {Authorizer: NONE}})
 * @param scopes     {@code AuthorizationScopes}: the token needs one of them
 */
public record HttpRoute(String method, String path, String functionLogicalId, String authorizer, List<String> scopes) {

    public String routeKey() {
        return path.equals("$default") ? path : method + " " + path;
    }

    /** The path parameters when this route serves {@code requestPath}. */
    Optional<Map<String, String>> match(String requestPath) {
        String[] template = segments(path);
        String[] actual = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            boolean greedy = segment.startsWith("{") && segment.endsWith("+}");
            if (greedy) {
                if (i >= actual.length) return Optional.empty();
                parameters.put(segment.substring(1, segment.length() - 2), decode(String.join("/", List.of(actual).subList(i, actual.length))));
                return Optional.of(parameters);
            }
            if (i >= actual.length) return Optional.empty();
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return template.length == actual.length ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * How specific the route is, for choosing among several that match, as API Gateway does: literal segments beat
     * parameters, parameters beat a greedy {@code {proxy+}}, and a route for the method beats {@code ANY}.
     */
    int specificity() {
        int score = 0;
        for (String segment : segments(path)) {
            score += segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 100 : 10_000;
        }
        return score * 2 + (method.equals("ANY") ? 0 : 1);
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
