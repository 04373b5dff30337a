package app.domus.calendar.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.calendar.providers.CalendarProvider.EventData;
import app.domus.shared.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Google Calendar v3 and Google's OAuth endpoints in their REST shapes, against a local server answering as Google does. */
class GoogleCalendarHttpTest {
    private static final Instant NOW = Instant.parse("2031-03-10T08:30:00Z");
    private final ProviderServer server = new ProviderServer();
    // Trailing slashes on the bases, as a setting may carry them: trimmed.
    private final GoogleCalendar google = new GoogleCalendar(new GoogleCalendar.Settings(server.base + "/auth/", server.base + "/oauth//", server.base + "/",
            "client-1", () -> "secret-1"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1));

    @AfterEach
    void stop() {
        server.close();
    }

    private static ProviderException.Kind kind(Throwable e) {
        return ((ProviderException) e).kind();
    }

    @Test
    void theConsentAddressAsksOfflineAccessWithThePkceChallengeAndTheState() {
        String url = google.authorizationUrl("state-1", "challenge-1", "https://api.example.test/calendar/callback");
        assertThat(google.name()).isEqualTo("google");
        assertThat(url).startsWith(server.base + "/auth/o/oauth2/v2/auth?");
        var query = ProviderServer.decode(url.substring(url.indexOf('?') + 1));
        assertThat(query).containsOnly(Map.entry("client_id", "client-1"), Map.entry("redirect_uri", "https://api.example.test/calendar/callback"),
                Map.entry("response_type", "code"), Map.entry("scope", GoogleCalendar.SCOPE), Map.entry("access_type", "offline"),
                Map.entry("prompt", "consent"), Map.entry("state", "state-1"), Map.entry("code_challenge", "challenge-1"),
                Map.entry("code_challenge_method", "S256"));
        assertThat(server.requests).as("no call to make a consent address").isEmpty();
    }

    @Test
    void theCodeIsExchangedByAFormPostWithTheVerifierAndTheSecretButNoScope() {
        server.answer(200, "{\"access_token\":\"a-1\",\"refresh_token\":\"r-1\",\"expires_in\":120,\"token_type\":\"Bearer\"}");
        var tokens = google.exchange("code-1", "verifier-1", "https://api.example.test/cb");
        assertThat(tokens).isEqualTo(new CalendarProvider.Tokens("a-1", "r-1", NOW.plusSeconds(120)));
        var request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/oauth/token");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.form()).containsExactly(Map.entry("grant_type", "authorization_code"), Map.entry("client_id", "client-1"),
                Map.entry("client_secret", "secret-1"), Map.entry("code", "code-1"), Map.entry("redirect_uri", "https://api.example.test/cb"),
                Map.entry("code_verifier", "verifier-1"));
    }

    @Test
    void aRefreshKeepsTheRefreshTokenWhenNoneComesBackAndAnHourWhenNoExpiryIsSaid() {
        server.answer(200, "{\"access_token\":\"a-2\"}");
        assertThat(google.refresh("r-1")).isEqualTo(new CalendarProvider.Tokens("a-2", "r-1", NOW.plusSeconds(3600)));
        assertThat(server.only().form()).containsExactly(Map.entry("grant_type", "refresh_token"), Map.entry("client_id", "client-1"),
                Map.entry("client_secret", "secret-1"), Map.entry("refresh_token", "r-1"));

        server.answer(200, "{\"access_token\":\"a-3\",\"refresh_token\":\"r-2\",\"expires_in\":60}");
        assertThat(google.refresh("r-1")).isEqualTo(new CalendarProvider.Tokens("a-3", "r-2", NOW.plusSeconds(60)));
    }

    @Test
    void aRefusedGrantIsRefusedAndATokenAnswerWithoutAccessTokenOrJsonIsUnavailable() {
        server.answer(400, "{\"error\":\"invalid_grant\"}");
        assertThatThrownBy(() -> google.refresh("r-1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.REFUSED))
                .hasMessageContaining("invalid_grant");
        server.answer(401, "{\"error\":\"invalid_client\"}");
        assertThatThrownBy(() -> google.refresh("r-1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.REFUSED));
        server.answer(200, "{\"token_type\":\"Bearer\"}");
        assertThatThrownBy(() -> google.refresh("r-1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessageContaining("no access_token");
        server.answer(200, "[\"not an object\"]");
        assertThatThrownBy(() -> google.refresh("r-1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessageContaining("not JSON");
        server.answer(403, "{}");
        assertThatThrownBy(() -> google.refresh("r-1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessageContaining("answered 403");
        assertThat(server.requests).as("none of them tried again").hasSize(5);
    }

    @Test
    void aListPageCarriesTheSyncAndPageTokensAndReadsDatesTimesDeletionsAndTheDomusId() {
        server.answer(200, """
                {"items":[
                  {"id":"e1","etag":"\\"1\\"","status":"confirmed","summary":"Holiday","description":"Beach",
                   "start":{"date":"2031-07-01"},"end":{"date":"2031-07-15"},"extendedProperties":{"private":{"domusEventId":"01DOMUS"}}},
                  {"id":"e2","etag":"\\"2\\"","status":"confirmed","summary":"Dentist",
                   "start":{"dateTime":"2031-04-01T11:00:00+02:00"},"end":{"dateTime":"2031-04-01T12:00:00+02:00"}},
                  {"id":"e3","status":"cancelled"}],
                 "nextPageToken":"page-2"}""");
        var page = google.list("access-1", "team@example.test", "sync-1", "page-1");
        assertThat(page.events()).containsExactly(
                new CalendarProvider.ProviderEvent("e1", "\"1\"", false, "Holiday", "Beach", "2031-07-01", "2031-07-15", "01DOMUS"),
                new CalendarProvider.ProviderEvent("e2", "\"2\"", false, "Dentist", null, "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z", null),
                new CalendarProvider.ProviderEvent("e3", null, true, null, null, null, null, null));
        assertThat(page.nextPageToken()).isEqualTo("page-2");
        assertThat(page.nextSyncToken()).isNull();
        var request = server.only();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/calendar/v3/calendars/team%40example.test/events");
        assertThat(request.query()).containsExactly(Map.entry("maxResults", "250"), Map.entry("showDeleted", "true"),
                Map.entry("syncToken", "sync-1"), Map.entry("pageToken", "page-1"));
        assertThat(request.header("Authorization")).isEqualTo("Bearer access-1");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Content-Type")).as("a GET has no body").isNull();

        server.answer(200, "{\"items\":[],\"nextSyncToken\":\"sync-2\"}");
        var full = google.list("access-1", "primary", null, null);
        assertThat(full.events()).isEmpty();
        assertThat(full.nextSyncToken()).isEqualTo("sync-2");
        assertThat(full.nextPageToken()).isNull();
        assertThat(server.last().query()).containsOnlyKeys("maxResults", "showDeleted");
    }

    @Test
    void anExpiredSyncTokenIsGoneAndARefusedAccessTokenUnauthorized() {
        server.answer(410, "{\"error\":{\"code\":410,\"message\":\"Sync token is no longer valid\"}}");
        assertThatThrownBy(() -> google.list("access-1", "primary", "sync-1", null)).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.GONE));
        server.answer(404, "{}");
        assertThatThrownBy(() -> google.list("access-1", "primary", "sync-1", null)).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.GONE));
        server.answer(401, "{}");
        assertThatThrownBy(() -> google.list("access-1", "primary", null, null)).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void anInsertSendsTheTimesAsDateOrDateTimeWithTheDomusIdAsAPrivateProperty() {
        server.answer(200, "{\"id\":\"g1\",\"etag\":\"\\\"5\\\"\",\"summary\":\"Guest check-in\",\"description\":\"Stay\",\"start\":{\"date\":\"2031-05-01\"},"
                + "\"end\":{\"date\":\"2031-05-02\"},\"extendedProperties\":{\"private\":{\"domusEventId\":\"01EVENT\"}}}");
        var inserted = google.insert("access-1", "primary", new EventData("Guest check-in", "Stay", "2031-05-01", "2031-05-02"), "01EVENT");
        assertThat(inserted).isEqualTo(new CalendarProvider.ProviderEvent("g1", "\"5\"", false, "Guest check-in", "Stay", "2031-05-01", "2031-05-02", "01EVENT"));
        var request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/calendar/v3/calendars/primary/events");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer access-1");
        assertThat(Json.tree(request.body())).isEqualTo(Json.tree("""
                {"summary":"Guest check-in","description":"Stay","start":{"date":"2031-05-01"},"end":{"date":"2031-05-02"},
                 "extendedProperties":{"private":{"domusEventId":"01EVENT"}}}"""));
    }

    @Test
    void aPatchSendsTimedEventsAsDateTimesWithoutADescriptionNotGiven() {
        server.answer(200, "{\"id\":\"g/1\",\"summary\":\"Vote closes\",\"start\":{\"dateTime\":\"2031-05-08T17:30:00Z\"},\"end\":{\"dateTime\":\"2031-05-08T18:00:00Z\"}}");
        var patched = google.patch("access-1", "primary", "g/1", new EventData("Vote closes", null, "2031-05-08T17:30:00Z", "2031-05-08T18:00:00Z"));
        assertThat(patched.externalId()).isEqualTo("g/1");
        assertThat(patched.start()).isEqualTo("2031-05-08T17:30:00Z");
        assertThat(patched.end()).isEqualTo("2031-05-08T18:00:00Z");
        var request = server.only();
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/calendar/v3/calendars/primary/events/g%2F1");
        assertThat(Json.tree(request.body())).isEqualTo(Json.tree("""
                {"summary":"Vote closes","start":{"dateTime":"2031-05-08T17:30:00Z"},"end":{"dateTime":"2031-05-08T18:00:00Z"}}"""));
    }

    @Test
    void aDeleteOfAnEventGoneAlreadyIsNoErrorButARefusedTokenIs() {
        server.answer(204, "");
        google.delete("access-1", "primary", "g 1");
        assertThat(server.only().method()).isEqualTo("DELETE");
        assertThat(server.only().path()).isEqualTo("/calendar/v3/calendars/primary/events/g%201");
        server.answer(410, "{}");
        google.delete("access-1", "primary", "g1");
        server.answer(404, "{}");
        google.delete("access-1", "primary", "g1");
        server.answer(401, "{}");
        assertThatThrownBy(() -> google.delete("access-1", "primary", "g1")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
        assertThat(server.requests).hasSize(4);
    }

    @Test
    void anEventIsFoundByItsDomusIdPassingOverCancelledOnes() {
        server.answer(200, "{\"items\":[{\"id\":\"old\",\"status\":\"cancelled\"},{\"id\":\"g2\",\"status\":\"confirmed\",\"summary\":\"Meeting\","
                + "\"extendedProperties\":{\"private\":{\"domusEventId\":\"01EVENT\"}}}]}");
        var found = google.findByDomusId("access-1", "primary", "01EVENT");
        assertThat(found).hasValueSatisfying(e -> {
            assertThat(e.externalId()).isEqualTo("g2");
            assertThat(e.title()).isEqualTo("Meeting");
            assertThat(e.domusEventId()).isEqualTo("01EVENT");
        });
        assertThat(server.only().path()).isEqualTo("/calendar/v3/calendars/primary/events");
        assertThat(server.only().query()).containsExactly(Map.entry("privateExtendedProperty", "domusEventId=01EVENT"));

        server.answer(200, "{\"items\":[{\"id\":\"old\",\"status\":\"cancelled\"}]}");
        assertThat(google.findByDomusId("access-1", "primary", "01EVENT")).isEmpty();
        server.answer(200, "{\"items\":[]}");
        assertThat(google.findByDomusId("access-1", "primary", "01EVENT")).isEmpty();
    }

    @Test
    void aWatchChannelIsAWebHookWithTheChannelTokenAndItsExpiryOrAWeek() {
        server.answer(200, "{\"kind\":\"api#channel\",\"id\":\"conn-1-abc\",\"resourceId\":\"res-1\",\"expiration\":\"1931000000000\"}");
        var watch = google.watch("access-1", "primary", "conn-1-abc", "token-1", "https://api.example.test/webhooks/calendar/google");
        assertThat(watch).isEqualTo(new CalendarProvider.Watch("conn-1-abc", "res-1", Instant.ofEpochMilli(1931000000000L)));
        var request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/calendar/v3/calendars/primary/events/watch");
        assertThat(Json.tree(request.body())).isEqualTo(Json.tree("""
                {"id":"conn-1-abc","type":"web_hook","address":"https://api.example.test/webhooks/calendar/google","token":"token-1"}"""));

        server.answer(200, "");
        var defaulted = google.watch("access-1", "primary", "conn-1-def", "token-2", "https://api.example.test/webhooks/calendar/google");
        assertThat(defaulted).isEqualTo(new CalendarProvider.Watch("conn-1-def", null, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void a5xxOrA429IsTriedAgainTwiceThenUnavailableNamingTheCallWithoutItsQuery() {
        server.answer(503, "{}").answer(429, "{}").answer(200, "{\"items\":[],\"nextSyncToken\":\"s\"}");
        assertThat(google.list("access-1", "primary", "secret-sync", null).nextSyncToken()).isEqualTo("s");
        assertThat(server.requests).hasSize(3);

        server.answer(500, "{}").answer(200, "{\"items\":[],\"nextSyncToken\":\"t\"}");
        assertThat(google.list("access-1", "primary", "secret-sync", null).nextSyncToken()).isEqualTo("t");
        assertThat(server.requests).hasSize(5);

        server.answer(502, "{}").answer(503, "{}").answer(504, "{}"); // a fourth attempt would get 200
        assertThatThrownBy(() -> google.list("access-1", "primary", "secret-sync", null))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessage("Google answered 504 to GET " + server.base + "/calendar/v3/calendars/primary/events");
        assertThat(server.requests).as("three attempts in all").hasSize(8);

        server.answer(499, "{}");
        assertThatThrownBy(() -> google.list("access-1", "primary", null, null)).hasMessageContaining("answered 499");
        assertThat(server.requests).as("a 4xx is not tried again").hasSize(9);
    }

    @Test
    void aProviderThatDoesNotAnswerIsUnavailableAfterThreeAttempts() {
        server.close();
        assertThatThrownBy(() -> google.list("access-1", "primary", null, null))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessageContaining("Google did not answer GET " + server.base + "/calendar/v3/calendars/primary/events");
    }
}
