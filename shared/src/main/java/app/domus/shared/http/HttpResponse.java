package app.domus.shared.http;

import app.domus.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler returns; {@link HttpHandler} turns it into the payload 2.0 response. */
public final class HttpResponse {
    private final int status;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private HttpResponse(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    public static HttpResponse ok(Object body) { return new HttpResponse(200, body); }
    public static HttpResponse created(Object body) { return new HttpResponse(201, body); }
    public static HttpResponse accepted(Object body) { return new HttpResponse(202, body); }
    public static HttpResponse noContent() { return new HttpResponse(204, null); }
    public static HttpResponse status(int status, Object body) { return new HttpResponse(status, body); }

    public HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Strong ETag of a versioned resource; clients send it back in {@code If-Match}. */
    public HttpResponse etag(long version) {
        return header("ETag", "\"" + version + "\"");
    }

    public HttpResponse location(String path) {
        return header("Location", path);
    }

    public int status() { return status; }
    public Object body() { return body; }
    public Map<String, String> headers() { return headers; }

    APIGatewayV2HTTPResponse toEvent(String correlationId) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("X-Correlation-Id", correlationId);
        String text = null;
        if (body != null) {
            text = body instanceof String s ? s : Json.write(body);
            out.putIfAbsent("Content-Type", body instanceof String ? "text/plain; charset=utf-8" : "application/json");
        }
        out.putIfAbsent("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(out).withBody(text).build();
    }
}
