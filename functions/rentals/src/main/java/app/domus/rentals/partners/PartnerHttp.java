package app.domus.rentals.partners;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * One partner's HTTP on the JDK client (no SDK: the partners have none for Java worth its weight): a connect timeout
 * for the client and {@link PartnerCalls.Settings#callTimeout()} on every request. A failure to exchange becomes
 * {@link PartnerException.Unavailable}; statuses are the caller's to read.
 */
public final class PartnerHttp {
    /** An answer as received. */
    public record Answer(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String partner;
    private final PartnerCalls.Settings settings;
    private final HttpClient client;

    public PartnerHttp(String partner, PartnerCalls.Settings settings) {
        this.partner = partner;
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A request to {@code url} with the call timeout set. */
    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(settings.callTimeout());
    }

    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw PartnerException.Unavailable.timedOut(partner, request.method() + " " + request.uri().getPath(), e);
        } catch (IOException e) {
            throw new PartnerException.Unavailable(partner, request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerException.Unavailable(partner, "interrupted", e);
        }
    }
}
