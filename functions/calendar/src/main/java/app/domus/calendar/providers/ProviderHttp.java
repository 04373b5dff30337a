package app.domus.calendar.providers;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The providers' HTTP on the JDK's client: a 3-second connect timeout (each request sets its 10-second call timeout),
 * up to three attempts, again after a 5xx, a 429 or an I/O failure, waiting {@code backoff × 2^n} with jitter, then
 * {@link ProviderException.Kind#UNAVAILABLE}; OAuth token answers read alike for every provider.
 */
final class ProviderHttp {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final String provider;
    private final Duration backoff;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    ProviderHttp(String provider, Duration backoff, Clock clock) {
        this.provider = provider;
        this.backoff = backoff;
        this.clock = clock;
    }

    HttpResponse<String> send(HttpRequest request) {
        ProviderException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) pause(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 && response.statusCode() != 429) return response;
                last = new ProviderException(ProviderException.Kind.UNAVAILABLE, provider + " answered " + response.statusCode() + " to " + what(request));
            } catch (IOException e) {
                last = new ProviderException(ProviderException.Kind.UNAVAILABLE, provider + " did not answer " + what(request) + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "interrupted", e);
            }
        }
        throw last;
    }

    /** A form POST to an OAuth token endpoint: 400/401 are a refused grant; the tokens, the refresh token kept if none comes back. */
    CalendarProvider.Tokens token(String url, Map<String, String> form, String previousRefreshToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(java.net.URI.create(url)).timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new ProviderException(ProviderException.Kind.REFUSED, provider + " refused the grant: " + response.body());
        }
        JsonNode answer = json(response, "the token request");
        String access = answer.path("access_token").asText(null);
        if (access == null) throw new ProviderException(ProviderException.Kind.UNAVAILABLE, provider + "'s token answer has no access_token");
        return new CalendarProvider.Tokens(access, answer.path("refresh_token").asText(previousRefreshToken),
                clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
    }

    /** A JSON call with a Bearer token: 401 is UNAUTHORIZED, 404 and 410 GONE, another failure UNAVAILABLE. */
    JsonNode bearer(String accessToken, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpRequest built = request.build();
        HttpResponse<String> response = send(built);
        int status = response.statusCode();
        if (status == 401) throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, provider + " refused the access token");
        if (status == 404 || status == 410) throw new ProviderException(ProviderException.Kind.GONE, provider + " answered " + status + " to " + what(built));
        return json(response, what(built));
    }

    /** A 2xx answer's JSON object; else UNAVAILABLE. */
    JsonNode json(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, provider + " answered " + response.statusCode() + " to " + what);
        }
        if (response.body() == null || response.body().isBlank()) return Json.MAPPER.createObjectNode();
        JsonNode answer = Json.readOrNull(response.body());
        if (answer == null || !answer.isObject()) throw new ProviderException(ProviderException.Kind.UNAVAILABLE, provider + "'s answer to " + what + " is not JSON");
        return answer;
    }

    private void pause(int attempt) {
        long ceiling = backoff.toMillis() << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String what(HttpRequest request) {
        String url = request.uri().toString();
        int query = url.indexOf('?');
        return request.method() + " " + (query < 0 ? url : url.substring(0, query));
    }

    static String trim(String base) {
        return base.replaceAll("/+$", "");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }
}
