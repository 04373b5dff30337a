package app.domus.calendar.providers;

import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outlook calendars through Microsoft Graph v1.0 and the Microsoft identity platform, in their REST shapes: consent at
 * {@code <login>/common/oauth2/v2.0/authorize} (PKCE S256, {@code offline_access Calendars.ReadWrite}), tokens at
 * {@code .../token}; the default calendar's changes by {@code /me/calendarView/delta} (a window from 30 days back to
 * 2 years ahead; the delta link is the sync token, {@code @removed} entries are deletions, a 410 means a full sync);
 * {@code /me/events} insert, patch, delete; the Domus id as a single-value extended property; change notifications
 * by a {@code /subscriptions} subscription on {@code me/events} with the channel's token as {@code clientState}
 * (Graph checks the notification URL's validation handshake first).
 */
public class MicrosoftGraphCalendar implements CalendarProvider {
    public static final String NAME = "outlook";
    static final String SCOPE = "offline_access https://graph.microsoft.com/Calendars.ReadWrite";
    /** The Domus event id's extended property: a string property in Domus's own property set. */
    static final String DOMUS_PROPERTY = "String {6f1bb4d7-3a0e-4d7a-9d38-3c1f0e0c9a51} Name domusEventId";
    /** Graph keeps a subscription on Outlook events at most 10,080 minutes; Domus renews a day ahead. */
    static final Duration SUBSCRIPTION = Duration.ofMinutes(4230);

    public record Settings(String loginBaseUrl, String graphBaseUrl, String clientId, java.util.function.Supplier<String> clientSecret) {}

    private final Settings settings;
    private final Clock clock;
    private final ProviderHttp http;
    private final OAuthClient oauth;

    public MicrosoftGraphCalendar(Settings settings, Clock clock, Duration backoff) {
        this.settings = settings;
        this.clock = clock;
        this.http = new ProviderHttp("Microsoft Graph", backoff, clock);
        String login = ProviderHttp.trim(settings.loginBaseUrl()) + "/common/oauth2/v2.0";
        this.oauth = new OAuthClient(http, login + "/authorize", login + "/token", settings.clientId(), settings.clientSecret(), SCOPE, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return oauth.authorizationUrl(state, codeChallenge, redirectUri, Map.of("response_mode", "query"));
    }

    @Override
    public Tokens exchange(String code, String codeVerifier, String redirectUri) {
        return oauth.exchange(code, codeVerifier, redirectUri);
    }

    /** Microsoft answers a new refresh token each time; the new one is kept. */
    @Override
    public Tokens refresh(String refreshToken) {
        return oauth.refresh(refreshToken);
    }

    /** {@code syncToken} is the delta link of the last round, {@code pageToken} the next link of this one. */
    @Override
    public Page list(String accessToken, String calendarId, String syncToken, String pageToken) {
        String url;
        if (pageToken != null) url = pageToken;
        else if (syncToken != null) url = syncToken;
        else {
            Instant now = clock.instant().truncatedTo(ChronoUnit.DAYS);
            url = graph() + "/me/calendarView/delta?startDateTime=" + now.minus(Duration.ofDays(30)) + "&endDateTime=" + now.plus(Duration.ofDays(730));
        }
        if (!url.startsWith(graph() + "/")) throw new ProviderException(ProviderException.Kind.GONE, "a delta link of another host");
        JsonNode answer = http.bearer(accessToken, "GET", url, null);
        List<ProviderEvent> events = new ArrayList<>();
        for (JsonNode item : answer.path("value")) events.add(event(item));
        return new Page(events, answer.path("@odata.nextLink").asText(null), answer.path("@odata.deltaLink").asText(null));
    }

    @Override
    public ProviderEvent insert(String accessToken, String calendarId, EventData data, String domusEventId) {
        ObjectNode body = body(data);
        body.putArray("singleValueExtendedProperties").addObject().put("id", DOMUS_PROPERTY).put("value", domusEventId);
        return withDomusId(event(http.bearer(accessToken, "POST", graph() + "/me/events", body)), domusEventId);
    }

    @Override
    public ProviderEvent patch(String accessToken, String calendarId, String externalId, EventData data) {
        return event(http.bearer(accessToken, "PATCH", graph() + "/me/events/" + ProviderHttp.encode(externalId), body(data)));
    }

    @Override
    public void delete(String accessToken, String calendarId, String externalId) {
        try {
            http.bearer(accessToken, "DELETE", graph() + "/me/events/" + ProviderHttp.encode(externalId), null);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.GONE) throw e;
        }
    }

    @Override
    public Optional<ProviderEvent> findByDomusId(String accessToken, String calendarId, String domusEventId) {
        String filter = "singleValueExtendedProperties/Any(ep: ep/id eq '" + DOMUS_PROPERTY + "' and ep/value eq '" + domusEventId.replace("'", "''") + "')";
        JsonNode answer = http.bearer(accessToken, "GET", graph() + "/me/events?$filter=" + ProviderHttp.encode(filter), null);
        for (JsonNode item : answer.path("value")) return Optional.of(withDomusId(event(item), domusEventId));
        return Optional.empty();
    }

    @Override
    public Watch watch(String accessToken, String calendarId, String channelId, String channelToken, String address) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("changeType", "created,updated,deleted").put("notificationUrl", address)
                .put("resource", "me/events").put("expirationDateTime", clock.instant().plus(SUBSCRIPTION).toString()).put("clientState", channelToken);
        JsonNode answer = http.bearer(accessToken, "POST", graph() + "/subscriptions", body);
        String expires = answer.path("expirationDateTime").asText(null);
        return new Watch(answer.path("id").asText(), answer.path("resource").asText(null),
                expires == null ? clock.instant().plus(SUBSCRIPTION) : OffsetDateTime.parse(expires).toInstant());
    }

    /**
     * The Microsoft identity platform revokes no single app's grant (Graph's {@code revokeSignInSessions} would sign the
     * person out of every app and device), so what Domus can end is its subscription: {@code DELETE /subscriptions/{id}}
     * on a refreshed access token, and Graph sends no more notifications. A refresh token refused (the person removed the
     * app's consent) or a subscription gone is no error. The tokens are erased by Domus and lapse unused.
     */
    @Override
    public void revoke(Tokens tokens, String channelId) {
        if (channelId == null || channelId.isBlank() || tokens.refreshToken() == null) return;
        Tokens fresh;
        try {
            fresh = oauth.refresh(tokens.refreshToken());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.REFUSED) return;
            throw e;
        }
        try {
            http.bearer(fresh.accessToken(), "DELETE", graph() + "/subscriptions/" + ProviderHttp.encode(channelId), null);
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.GONE) throw e;
        }
    }

    static ObjectNode body(EventData data) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("subject", data.title());
        body.putObject("body").put("contentType", "text").put("content", data.description() == null ? "" : data.description());
        boolean allDay = data.start().length() == 10;
        body.put("isAllDay", allDay);
        body.set("start", time(data.start()));
        body.set("end", time(data.end()));
        return body;
    }

    private static ObjectNode time(String value) {
        String local = value.length() == 10 ? value + "T00:00:00"
                : LocalDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        return Json.MAPPER.createObjectNode().put("dateTime", local).put("timeZone", "UTC");
    }

    static ProviderEvent event(JsonNode item) {
        if (item.has("@removed")) return new ProviderEvent(item.path("id").asText(), null, true, null, null, null, null, null);
        boolean allDay = item.path("isAllDay").asBoolean(false);
        String domusId = null;
        for (JsonNode property : item.path("singleValueExtendedProperties")) {
            if (DOMUS_PROPERTY.equalsIgnoreCase(property.path("id").asText())) domusId = property.path("value").asText(null);
        }
        String description = item.path("body").path("content").asText(null);
        return new ProviderEvent(item.path("id").asText(), item.path("@odata.etag").asText(item.path("changeKey").asText(null)),
                item.path("isCancelled").asBoolean(false), item.path("subject").asText(null), description == null || description.isBlank() ? null : description,
                when(item.path("start"), allDay), when(item.path("end"), allDay), domusId);
    }

    /** Graph's {@code {dateTime, timeZone}}: the date of an all-day event, else the instant (UTC unless another zone is named). */
    private static String when(JsonNode time, boolean allDay) {
        String dateTime = time.path("dateTime").asText(null);
        if (dateTime == null) return null;
        if (allDay) return dateTime.substring(0, 10);
        java.time.ZoneId zone;
        try {
            zone = java.time.ZoneId.of(time.path("timeZone").asText("UTC"));
        } catch (java.time.DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant().toString();
    }

    private static ProviderEvent withDomusId(ProviderEvent e, String domusEventId) {
        return e.domusEventId() != null ? e : new ProviderEvent(e.externalId(), e.etag(), e.cancelled(), e.title(), e.description(), e.start(), e.end(), domusEventId);
    }

    private String graph() {
        return ProviderHttp.trim(settings.graphBaseUrl()) + "/v1.0";
    }
}
