package app.domus.local.aws;

import app.domus.local.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The local AWS endpoint's answer to one call; {@code headers} are the few a protocol carries besides the body (a REST-JSON
 * service's {@code x-amzn-ErrorType}).
 */
public record AwsResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public AwsResponse {
        headers = Map.copyOf(headers);
    }

    public AwsResponse(int status, String contentType, byte[] body) {
        this(status, contentType, body, Map.of());
    }

    public static AwsResponse json(int status, Object value) {
        return json(status, "application/json", value);
    }

    public static AwsResponse json(int status, String contentType, Object value) {
        String text = value instanceof String string ? string : Json.write(value);
        return new AwsResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse xml(int status, String document) {
        return new AwsResponse(status, "text/xml", document.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse empty(int status) {
        return new AwsResponse(status, null, new byte[0]);
    }

    public AwsResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new AwsResponse(status, contentType, body, more);
    }
}
