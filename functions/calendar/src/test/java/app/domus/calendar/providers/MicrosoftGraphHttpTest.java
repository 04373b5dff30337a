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

/** Microsoft Graph v1.0 and the Microsoft identity platform in their REST shapes, against a local server answering as they do. */
class MicrosoftGraphHttpTest {
    private static final Instant NOW = Instant.parse("2031-03-10T08:30:00Z");
    private final ProviderServer server = new ProviderServer();
    private final String graph = server.base + "/v1.0";
    private final MicrosoftGraphCalendar outlook = new MicrosoftGraphCalendar(new MicrosoftGraphCalendar.Settings(server.base + "/", server.base + "/",
            "client-1", () -> "secret-1"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(1));

    @AfterEach
    void stop() {
        server.close();
    }

    private static ProviderException.Kind kind(Throwable e) {
        return ((ProviderException) e).kind();
    }

    @Test
    void theConsentAddressIsTheCommonEndpointWithAQueryResponseAndOfflineAccess() {
        String url = outlook.authorizationUrl("state-1", "challenge-1", "https://api.example.test/cb");
        assertThat(outlook.name()).isEqualTo("outlook");
        assertThat(url).startsWith(server.base + "/common/oauth2/v2.0/authorize?");
        assertThat(ProviderServer.decode(url.substring(url.indexOf('?') + 1))).containsExactly(
                Map.entry("client_id", "client-1"), Map.entry("redirect_uri", "https://api.example.test/cb"), Map.entry("response_type", "code"),
                Map.entry("scope", MicrosoftGraphCalendar.SCOPE), Map.entry("response_mode", "query"), Map.entry("state", "state-1"),
                Map.entry("code_challenge", "challenge-1"), Map.entry("code_challenge_method", "S256"));
    }

    @Test
    void theCodeExchangeAndTheRefreshNameTheScopeAgain() {
        server.answer(200, "{\"access_token\":\"a-1\",\"refresh_token\":\"r-1\",\"expires_in\":3599}");
        assertThat(outlook.exchange("code-1", "verifier-1", "https://api.example.test/cb")).isEqualTo(new CalendarProvider.Tokens("a-1", "r-1", NOW.plusSeconds(3599)));
        assertThat(server.only().path()).isEqualTo("/common/oauth2/v2.0/token");
        assertThat(server.only().form()).containsExactly(Map.entry("grant_type", "authorization_code"), Map.entry("client_id", "client-1"),
                Map.entry("client_secret", "secret-1"), Map.entry("scope", MicrosoftGraphCalendar.SCOPE), Map.entry("code", "code-1"),
                Map.entry("redirect_uri", "https://api.example.test/cb"), Map.entry("code_verifier", "verifier-1"));

        server.answer(200, "{\"access_token\":\"a-2\",\"refresh_token\":\"r-2\",\"expires_in\":600}");
        assertThat(outlook.refresh("r-1")).isEqualTo(new CalendarProvider.Tokens("a-2", "r-2", NOW.plusSeconds(600)));
        assertThat(server.last().form()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "r-1")
                .containsEntry("scope", MicrosoftGraphCalendar.SCOPE);
    }

    @Test
    void theFirstDeltaIsAWindowFromThirtyDaysBackToTwoYearsAheadAndItsLinksAreThePageAndSyncTokens() {
        server.answer(200, """
                {"value":[{"id":"AAMk1","@odata.etag":"W/\\"1\\"","subject":"Dentist","body":{"content":"Check-up"},
                           "start":{"dateTime":"2031-04-01T09:00:00.0000000","timeZone":"UTC"},"end":{"dateTime":"2031-04-01T10:00:00.0000000","timeZone":"UTC"}},
                          {"id":"AAMk2","@removed":{"reason":"deleted"}}],
                 "@odata.nextLink":"%s/me/calendarView/delta?$skiptoken=p2"}""".formatted(graph));
        var page = outlook.list("access-1", "primary", null, null);
        assertThat(page.events()).containsExactly(
                new CalendarProvider.ProviderEvent("AAMk1", "W/\"1\"", false, "Dentist", "Check-up", "2031-04-01T09:00:00Z", "2031-04-01T10:00:00Z", null),
                new CalendarProvider.ProviderEvent("AAMk2", null, true, null, null, null, null, null));
        assertThat(page.nextPageToken()).isEqualTo(graph + "/me/calendarView/delta?$skiptoken=p2");
        assertThat(page.nextSyncToken()).isNull();
        var first = server.only();
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/v1.0/me/calendarView/delta");
        assertThat(first.query()).containsExactly(Map.entry("startDateTime", "2031-02-08T00:00:00Z"), Map.entry("endDateTime", "2033-03-09T00:00:00Z"));
        assertThat(first.header("Authorization")).isEqualTo("Bearer access-1");

        server.answer(200, "{\"value\":[],\"@odata.deltaLink\":\"%s/me/calendarView/delta?$deltatoken=d1\"}".formatted(graph));
        var next = outlook.list("access-1", "primary", graph + "/me/calendarView/delta?$deltatoken=d0", page.nextPageToken());
        assertThat(next.nextSyncToken()).isEqualTo(graph + "/me/calendarView/delta?$deltatoken=d1");
        assertThat(next.nextPageToken()).isNull();
        assertThat(server.last().rawQuery()).as("the page link before the delta link").isEqualTo("$skiptoken=p2");

        outlook.list("access-1", "primary", graph + "/me/calendarView/delta?$deltatoken=d1", null);
        assertThat(server.last().rawQuery()).isEqualTo("$deltatoken=d1");
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void aDeltaLinkOfAnotherHostIsGoneUncalledAndAnExpiredOneIsGone() {
        assertThatThrownBy(() -> outlook.list("access-1", "primary", "https://evil.example.test/v1.0/me/calendarView/delta?$deltatoken=x", null))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.GONE));
        assertThatThrownBy(() -> outlook.list("access-1", "primary", null, server.base + "/v1.0.evil/x"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.GONE));
        assertThat(server.requests).isEmpty();

        server.answer(410, "{\"error\":{\"code\":\"SyncStateNotFound\"}}");
        assertThatThrownBy(() -> outlook.list("access-1", "primary", graph + "/me/calendarView/delta?$deltatoken=old", null))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.GONE));
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void anInsertTagsTheEventWithTheDomusPropertyAndReadsItBackWhenGraphLeavesItOut() {
        server.answer(201, "{\"id\":\"AAMk9\",\"@odata.etag\":\"W/\\\"9\\\"\",\"subject\":\"Guest check-in\",\"isAllDay\":true,"
                + "\"start\":{\"dateTime\":\"2031-05-01T00:00:00.0000000\",\"timeZone\":\"UTC\"},\"end\":{\"dateTime\":\"2031-05-02T00:00:00.0000000\",\"timeZone\":\"UTC\"}}");
        var inserted = outlook.insert("access-1", "primary", new EventData("Guest check-in", "Stay", "2031-05-01", "2031-05-02"), "01EVENT");
        assertThat(inserted).isEqualTo(new CalendarProvider.ProviderEvent("AAMk9", "W/\"9\"", false, "Guest check-in", null, "2031-05-01", "2031-05-02", "01EVENT"));
        var request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1.0/me/events");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(Json.tree(request.body())).isEqualTo(Json.tree("""
                {"subject":"Guest check-in","body":{"contentType":"text","content":"Stay"},"isAllDay":true,
                 "start":{"dateTime":"2031-05-01T00:00:00","timeZone":"UTC"},"end":{"dateTime":"2031-05-02T00:00:00","timeZone":"UTC"},
                 "singleValueExtendedProperties":[{"id":"%s","value":"01EVENT"}]}""".formatted(MicrosoftGraphCalendar.DOMUS_PROPERTY)));

        server.answer(201, "{\"id\":\"AAMk10\",\"singleValueExtendedProperties\":[{\"id\":\"%s\",\"value\":\"01OTHER\"}]}"
                .formatted(MicrosoftGraphCalendar.DOMUS_PROPERTY.toLowerCase(java.util.Locale.ROOT)));
        assertThat(outlook.insert("access-1", "primary", new EventData("x", null, "2031-05-01", "2031-05-02"), "01EVENT").domusEventId())
                .as("the property Graph answers, its id in any case").isEqualTo("01OTHER");
        assertThat(Json.tree(server.last().body()).path("body").path("content").asText("missing")).as("no description: an empty body").isEmpty();
    }

    @Test
    void aPatchAndADeleteAddressTheEventByItsEscapedIdAndADeleteOfAGoneEventIsNoError() {
        server.answer(200, "{\"id\":\"AA/Mk\",\"subject\":\"Vote closes\",\"start\":{\"dateTime\":\"2031-05-08T17:30:00\",\"timeZone\":\"UTC\"},"
                + "\"end\":{\"dateTime\":\"2031-05-08T18:00:00\",\"timeZone\":\"UTC\"}}");
        var patched = outlook.patch("access-1", "primary", "AA/Mk", new EventData("Vote closes", null, "2031-05-08T17:30:00Z", "2031-05-08T18:00:00Z"));
        assertThat(patched.start()).isEqualTo("2031-05-08T17:30:00Z");
        assertThat(patched.title()).isEqualTo("Vote closes");
        assertThat(server.only().method()).isEqualTo("PATCH");
        assertThat(server.only().path()).isEqualTo("/v1.0/me/events/AA%2FMk");
        assertThat(Json.tree(server.only().body()).path("isAllDay").asBoolean(true)).isFalse();

        server.answer(204, "");
        outlook.delete("access-1", "primary", "AA/Mk");
        assertThat(server.last().method()).isEqualTo("DELETE");
        assertThat(server.last().path()).isEqualTo("/v1.0/me/events/AA%2FMk");
        server.answer(404, "{}");
        outlook.delete("access-1", "primary", "AA/Mk");
        server.answer(401, "{}");
        assertThatThrownBy(() -> outlook.delete("access-1", "primary", "AA/Mk")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
        server.answer(500, "{}").answer(500, "{}").answer(500, "{}");
        assertThatThrownBy(() -> outlook.delete("access-1", "primary", "AA/Mk")).satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE))
                .hasMessage("Microsoft Graph answered 500 to DELETE " + graph + "/me/events/AA%2FMk");
        assertThat(server.requests).hasSize(7);
    }

    @Test
    void anEventIsFoundByAFilterOnTheDomusPropertyWithItsQuotesEscaped() {
        server.answer(200, "{\"value\":[{\"id\":\"AAMk5\",\"subject\":\"Meeting\"}]}");
        var found = outlook.findByDomusId("access-1", "primary", "01'EV");
        assertThat(found).hasValueSatisfying(e -> {
            assertThat(e.externalId()).isEqualTo("AAMk5");
            assertThat(e.domusEventId()).isEqualTo("01'EV");
        });
        assertThat(server.only().path()).isEqualTo("/v1.0/me/events");
        assertThat(server.only().query()).containsExactly(Map.entry("$filter",
                "singleValueExtendedProperties/Any(ep: ep/id eq '" + MicrosoftGraphCalendar.DOMUS_PROPERTY + "' and ep/value eq '01''EV')"));

        server.answer(200, "{\"value\":[]}");
        assertThat(outlook.findByDomusId("access-1", "primary", "01EV")).isEmpty();
    }

    @Test
    void aSubscriptionOnTheEventsCarriesTheChannelTokenAsClientStateAndGraphsIdAndExpiry() {
        server.answer(201, "{\"id\":\"sub-1\",\"resource\":\"me/events\",\"expirationDateTime\":\"2031-03-13T07:00:00.0000000+00:00\"}");
        var watch = outlook.watch("access-1", "primary", "proposed", "token-1", "https://api.example.test/webhooks/calendar/outlook?connection=c1");
        assertThat(watch).isEqualTo(new CalendarProvider.Watch("sub-1", "me/events", Instant.parse("2031-03-13T07:00:00Z")));
        var request = server.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1.0/subscriptions");
        assertThat(Json.tree(request.body())).isEqualTo(Json.tree("""
                {"changeType":"created,updated,deleted","notificationUrl":"https://api.example.test/webhooks/calendar/outlook?connection=c1",
                 "resource":"me/events","expirationDateTime":"%s","clientState":"token-1"}""".formatted(NOW.plus(Duration.ofMinutes(4230)))));

        server.answer(201, "{\"id\":\"sub-2\"}");
        assertThat(outlook.watch("access-1", "primary", "proposed", "token-1", "https://x.test/"))
                .isEqualTo(new CalendarProvider.Watch("sub-2", null, NOW.plus(MicrosoftGraphCalendar.SUBSCRIPTION)));
    }

    @Test
    void aSubscriptionDeletionThatGraphCannotAnswerIsAnError() {
        server.answer(200, "{\"access_token\":\"fresh\"}").answer(503, "{}").answer(503, "{}").answer(503, "{}");
        assertThatThrownBy(() -> outlook.revoke(new CalendarProvider.Tokens("stale", "r-1", null), "sub-1"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        server.answer(500, "{}").answer(500, "{}").answer(500, "{}");
        assertThatThrownBy(() -> outlook.revoke(new CalendarProvider.Tokens("stale", "r-1", null), "sub-1"))
                .as("a refresh Microsoft cannot answer is no refusal").satisfies(e -> assertThat(kind(e)).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        outlook.revoke(new CalendarProvider.Tokens("stale", null, null), "sub-1");
        outlook.revoke(new CalendarProvider.Tokens("stale", "r-1", null), " ");
        assertThat(server.requests).as("no refresh token or no subscription: nothing to call").hasSize(7);
    }
}
