package app.domus.calendar.providers;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public record Settings(String authBaseUrl, String tokenBaseUrl, String apiBaseUrl, String clientId, java.util.function.Supplier<String> clientSecret) {}

    private final Settings settings;
    private final Clock clock;
    private final ProviderHttp http;
    private final OAuthClient oauth;

    public GoogleCalendar(Settings settings, Clock clock, Duration backoff) {
        this.settings = settings;
        this.clock = clock;
        this.http = new ProviderHttp("Google", backoff, clock);
        this.oauth = new OAuthClient(http, trim(settings.authBaseUrl()) + "/o/oauth2/v2/auth", trim(settings.tokenBaseUrl()) + "/token",
                settings.clientId(), settings.clientSecret(), SCOPE, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Offline access (a refresh token), asked every time so that a reconnection gets one too. */
    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return oauth.authorizationUrl(state, codeChallenge, redirectUri, Map.of("access_type", "offline", "prompt", "consent"));
    }

    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        return oauth.exchange(code, codeVerifier, redirectUri);
    }

    @Override
    public Tokens refresh(String refreshToken) {
        return oauth.refresh(refreshToken);
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
        return new Watch(channelId, answer.path("resourceId").asText(null), Instant.ofEpochMilli(expiration));
    }

    /**
     * {@code POST <token>/revoke} with the token as a form parameter (Google's OAuth 2 revocation endpoint): the refresh
     * token ends the grant with its access tokens; 200 is revoked, 400 ({@code invalid_token}) a token Google no longer
     * knows: revoked before, or by the person in their Google account. The watch channel needs no closing: Google
     * stops it with the grant, and a notification that still comes finds no connection.
     */
    @Override
    public void revoke(Tokens tokens, String channelId) {
        String token = tokens.refreshToken() != null && !tokens.refreshToken().isBlank() ? tokens.refreshToken() : tokens.accessToken();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(trim(settings.tokenBaseUrl()) + "/revoke"))
                .timeout(ProviderHttp.CALL_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form(Map.of("token", token)))).build();
        int status = http.send(request).statusCode();
        if (status != 200 && status != 400) {
            throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "Google answered " + status + " to the revocation");
        }
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
        return http.bearer(accessToken, method, url, body);
    }

    private static String trim(String base) {
        return ProviderHttp.trim(base);
    }

    private static String encode(String value) {
        return ProviderHttp.encode(value);
    }

    static String form(Map<String, String> values) {
        return ProviderHttp.form(values);
    }
}
