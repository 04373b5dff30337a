package app.domus.calendar.providers;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Google Calendar API v3 and Google's OAuth 2 endpoints in their REST shapes, on the JDK's HTTP client: consent at
 * {@code <auth>/o/oauth2/v2/auth} (offline access, PKCE S256), tokens at {@code <token>/token}, events at
 * {@code <api>/calendar/v3/calendars/{calendarId}/events} (list with {@code syncToken}/{@code pageToken},
 * {@code privateExtendedProperty}; insert, patch, delete; {@code events/watch} web-hook channels). Every call has a
 * 3-second connect and a 10-second call timeout; a 5xx, 429 or an I/O failure is tried again twice, with exponential
 * backoff and jitter, then {@link ProviderException.Kind#UNAVAILABLE}.
 */
public class GoogleCalendar implements CalendarProvider {
    public static final String NAME = "google";
    static final String SCOPE = "https://www.googleapis.com/auth/calendar.events";

    public record Settings(String authBaseUrl, String tokenBaseUrl, String apiBaseUrl, String clientId, String clientSecret) {}

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Duration backoff;

    public GoogleCalendar(Settings settings, Clock clock, Duration backoff) {
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        query.put("scope", SCOPE);
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        return trim(settings.authBaseUrl()) + "/o/oauth2/v2/auth?" + form(query);
    }

    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        body.put("code_verifier", codeVerifier);
        return tokens(token(body), null);
    }

    @Override
    public Tokens refresh(String refreshToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        body.put("client_id", settings.clientId());
        body.put("client_secret", settings.clientSecret());
        return tokens(token(body), refreshToken);
    }

    private JsonNode token(Map<String, String> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trim(settings.tokenBaseUrl()) + "/token")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new ProviderException(ProviderException.Kind.REFUSED, "Google refused the grant: " + response.body());
        }
        return ok(response, "token");
    }

    private Tokens tokens(JsonNode answer, String previousRefreshToken) {
        String access = answer.path("access_token").asText(null);
        if (access == null) throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google's token answer has no access_token");
        String refresh = answer.path("refresh_token").asText(previousRefreshToken);
        return new Tokens(access, refresh, clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
    }

    @Override
    public Page list(String accessToken, String calendarId, String syncToken, String pageToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("maxResults", "250");
        query.put("showDeleted", "true");
        if (syncToken != null) query.put("syncToken", syncToken);
        if (pageToken != null) query.put("pageToken", pageToken);
        JsonNode answer = call(accessToken, "GET", events(calendarId) + "?" + form(query), null);
        List<ProviderEvent> events = new ArrayList<>();
        for (JsonNode item : answer.path("items")) events.add(event(item));
        return new Page(events, answer.path("nextPageToken").asText(null), answer.path("nextSyncToken").asText(null));
    }

    @Override
    public ProviderEvent insert(String accessToken, String calendarId, EventData data, String domusEventId) {
        ObjectNode body = body(data);
        body.putObject("extendedProperties").putObject("private").put("domusEventId", domusEventId);
        return event(call(accessToken, "POST", events(calendarId), body));
    }

    @Override
    public ProviderEvent patch(String accessToken, String calendarId, String externalId, EventData data) {
        return event(call(accessToken, "PATCH", events(calendarId) + "/" + encode(externalId), body(data)));
    }

    @Override
    public void delete(String accessToken, String calendarId, String externalId) {
        try {
            call(accessToken, "DELETE", events(calendarId) + "/" + encode(externalId), null);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.GONE) throw e;
        }
    }

    @Override
    public Optional<ProviderEvent> findByDomusId(String accessToken, String calendarId, String domusEventId) {
        JsonNode answer = call(accessToken, "GET", events(calendarId) + "?" + form(Map.of("privateExtendedProperty", "domusEventId=" + domusEventId)), null);
        for (JsonNode item : answer.path("items")) {
            ProviderEvent event = event(item);
            if (!event.cancelled()) return Optional.of(event);
        }
        return Optional.empty();
    }

    @Override
    public Watch watch(String accessToken, String calendarId, String channelId, String channelToken, String address) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", channelId).put("type", "web_hook").put("address", address).put("token", channelToken);
        JsonNode answer = call(accessToken, "POST", events(calendarId) + "/watch", body);
        long expiration = answer.path("expiration").asLong(clock.millis() + Duration.ofDays(7).toMillis());
        return new Watch(answer.path("resourceId").asText(null), Instant.ofEpochMilli(expiration));
    }

    private String events(String calendarId) {
        return trim(settings.apiBaseUrl()) + "/calendar/v3/calendars/" + encode(calendarId) + "/events";
    }

    static ObjectNode body(EventData data) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("summary", data.title());
        if (data.description() != null) body.put("description", data.description());
        body.set("start", time(data.start()));
        body.set("end", time(data.end()));
        return body;
    }

    private static ObjectNode time(String value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (value.length() == 10) node.put("date", value);
        else node.put("dateTime", value);
        return node;
    }

    static ProviderEvent event(JsonNode item) {
        return new ProviderEvent(item.path("id").asText(), item.path("etag").asText(null), "cancelled".equals(item.path("status").asText()),
                item.path("summary").asText(null), item.path("description").asText(null), when(item.path("start")), when(item.path("end")),
                item.path("extendedProperties").path("private").path("domusEventId").asText(null));
    }

    /** {@code date} as is; {@code dateTime} as an instant in UTC. */
    private static String when(JsonNode time) {
        if (time.hasNonNull("date")) return time.path("date").asText();
        if (time.hasNonNull("dateTime")) return java.time.OffsetDateTime.parse(time.path("dateTime").asText()).toInstant().toString();
        return null;
    }

    private JsonNode call(String accessToken, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        if (body != null) request.header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status == 401) throw new ProviderException(ProviderException.Kind.UNAUTHORIZED, "Google refused the access token");
        if (status == 404 || status == 410) throw new ProviderException(ProviderException.Kind.GONE, "Google answered " + status + " to " + method + " " + path(url));
        if (status == 204 || response.body() == null || response.body().isBlank()) {
            if (status / 100 == 2) return Json.MAPPER.createObjectNode();
        }
        return ok(response, method + " " + path(url));
    }

    private JsonNode ok(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google answered " + response.statusCode() + " to " + what);
        }
        JsonNode answer = Json.readOrNull(response.body());
        if (answer == null || !answer.isObject()) throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google's answer to " + what + " is not JSON");
        return answer;
    }

    /** Up to three attempts: again after a 5xx, a 429 or an I/O failure, waiting backoff × 2^n with full jitter. */
    private HttpResponse<String> send(HttpRequest request) {
        ProviderException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) pause(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500 && response.statusCode() != 429) return response;
                last = new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google answered " + response.statusCode() + " to " + request.method() + " " + path(request.uri().toString()));
            } catch (IOException e) {
                last = new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google did not answer " + request.method() + " " + path(request.uri().toString()) + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "interrupted", e);
            }
        }
        throw last;
    }

    private void pause(int attempt) {
        long ceiling = backoff.toMillis() << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String path(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String trim(String base) {
        return base.replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }
}
