package app.domus.rentals.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * GET with timeouts on every call: {@value #CONNECT_MS} ms to connect, {@value #READ_MS} ms for the whole answer. A
 * non-2xx answer, a timeout or a broken connection is a {@link ChannelException}.
 */
final class HttpFetch {
    static final int CONNECT_MS = 2_000;
    static final int READ_MS = 5_000;

    private final HttpClient http;
    private final Duration readTimeout;

    HttpFetch() {
        this(Duration.ofMillis(READ_MS));
    }

    HttpFetch(Duration readTimeout) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(CONNECT_MS)).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.readTimeout = readTimeout;
    }

    String get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout).GET();
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ChannelException(uri.getHost() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (HttpTimeoutException e) {
            throw new ChannelException(uri.getHost() + " did not answer within " + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ChannelException(uri.getHost() + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted", e);
        }
    }
}
