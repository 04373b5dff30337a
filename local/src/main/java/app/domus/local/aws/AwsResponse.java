package app.domus.local.aws;

import app.domus.local.json.Json;
import java.nio.charset.StandardCharsets;

/** The local AWS endpoint's answer to one call. */
public record AwsResponse(int status, String contentType, byte[] body) {

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
}
