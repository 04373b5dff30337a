package app.domus.faults;

import app.domus.faults.uploads.UploadView;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a client does with presigned URLs: PUT the photo with the signed headers, GET a photo. */
public final class PresignedHttp {
    /** Headers the JDK client sets itself (from the body and the URL). */
    private static final Set<String> SET_BY_CLIENT = Set.of("content-length", "host");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PresignedHttp() {}

    /** Sends {@code bytes} as an upload answered by {@code POST /uploads}, with the content type given. */
    public static int put(JsonNode upload, byte[] bytes, String contentType) {
        Map<String, String> headers = new HashMap<>();
        upload.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return put(new UploadView(upload.path("uploadId").asText(), upload.path("uploadUrl").asText(), "PUT", headers,
                upload.path("expiresAt").asText()), bytes, contentType);
    }

    public static int put(UploadView upload, byte[] bytes, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.uploadUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.headers().forEach((name, value) -> {
            if (SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) return;
            request.header(name, name.equalsIgnoreCase("content-type") ? contentType : value);
        });
        return send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public static HttpResponse<byte[]> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
