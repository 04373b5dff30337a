package app.domus.local.partners.stripe;

import app.domus.local.console.Outbox;
import app.domus.local.partners.PartnerDoubleContext;
import com.stripe.StripeClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A Stripe double started on a free port for one test, with retries compressed to milliseconds, and a stripe-java client on it. */
final class RunningStripeDouble implements AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMillis(50);
    static final int MAX_ATTEMPTS = 3;

    final StripeDouble stripe;
    final Map<String, String> overrides;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningStripeDouble(Path dataDirectory) throws Exception {
        this(dataDirectory, StripeDoubleSettings.defaults().withRetries(MAX_ATTEMPTS, FIRST_RETRY, Duration.ofMillis(500)));
    }

    RunningStripeDouble(Path dataDirectory, StripeDoubleSettings settings) throws Exception {
        stripe = new StripeDouble(settings);
        overrides = stripe.start(new PartnerDoubleContext(freePort(), dataDirectory, new Outbox(dataDirectory.resolve("outbox.jsonl"))));
    }

    /** stripe-java as the platform would build it, pointed at the double, without its own retries so each call is one request. */
    StripeClient client() {
        return StripeClient.builder().setApiKey(stripe.secretKey()).setApiBase(stripe.baseUrl()).setMaxNetworkRetries(0).build();
    }

    HttpResponse<String> control(String method, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/_double/" + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> api(String method, String path, String authorization, String formBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(formBody));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stripe.close();
        http.close();
    }
}
