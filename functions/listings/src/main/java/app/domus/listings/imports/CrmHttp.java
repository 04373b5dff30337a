package app.domus.listings.imports;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP to CRMs and their photo hosts, with deadlines (a slow CRM fails this page, which is retried, rather than holding
 * the function to its timeout) and a size cap. Only HTTPS is fetched, except under {@code plainHttpBase} (the
 * {@code CRM_PLAIN_HTTP_BASE_URL} of the environment: the local cloud's CRM double; empty on AWS).
 */
public class CrmHttp {
    public record Response(int status, byte[] body, String contentType) {
        public boolean ok() { return status >= 200 && status < 300; }

        public String text() { return new String(body, java.nio.charset.StandardCharsets.UTF_8); }
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final long MAX_BYTES = 20L * 1024 * 1024;

    private final HttpClient client;
    private final String plainHttpBase;

    public CrmHttp(String plainHttpBase) {
        this.plainHttpBase = plainHttpBase == null ? "" : plainHttpBase.strip();
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static CrmHttp fromEnvironment() {
        return new CrmHttp(app.domus.shared.config.Env.optional("CRM_PLAIN_HTTP_BASE_URL").orElse(""));
    }

    /** Whether this URL may be fetched: HTTPS, or under the allowed plain-HTTP base. */
    public boolean allowed(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) return false;
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("https") || (!plainHttpBase.isEmpty() && url.strip().startsWith(plainHttpBase));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Response get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(checked(url)).timeout(REQUEST_TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response postForm(String url, String form) {
        return send(HttpRequest.newBuilder(checked(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private URI checked(String url) {
        if (!allowed(url)) throw new CrmException("Refusing to fetch " + url + ": only https URLs are fetched", true);
        return URI.create(url.strip());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var in = response.body()) {
                byte[] body = in.readNBytes((int) MAX_BYTES + 1);
                if (body.length > MAX_BYTES) throw new CrmException(request.uri() + " answered more than 20 MB", false);
                return new Response(response.statusCode(), body, response.headers().firstValue("Content-Type").orElse(""));
            }
        } catch (IOException e) {
            throw new CrmException(request.uri().getHost() + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException("Interrupted while calling " + request.uri().getHost(), e);
        }
    }
}
