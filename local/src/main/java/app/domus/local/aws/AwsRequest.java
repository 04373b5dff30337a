package app.domus.local.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An AWS API call as it reached the local AWS endpoint. */
public record AwsRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");

    /** The service the SDK signed for ({@code sns}, {@code ses}, {@code ssm}, {@code iotdata}, {@code execute-api}). */
    public String signingService() {
        Matcher matcher = CREDENTIAL_SCOPE.matcher(header("Authorization"));
        return matcher.find() ? matcher.group(1) : "";
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) return header.getValue().getFirst();
        }
        return "";
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The parameters of a query-protocol call: the form body, or the query string of a GET. */
    public Map<String, String> formParameters() {
        return decodeForm(method.equals("GET") ? rawQuery : bodyText());
    }

    public Map<String, String> queryParameters() {
        return decodeForm(rawQuery);
    }

    private static Map<String, String> decodeForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return parameters;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
