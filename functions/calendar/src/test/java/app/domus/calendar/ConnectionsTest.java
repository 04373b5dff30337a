package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.calendar.connect.ConnectCalendarHandler;
import app.domus.calendar.connect.Connections;
import app.domus.calendar.sync.CalendarNotifications;
import app.domus.shared.http.ApiException;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consent: PKCE, a state that works once and for 10 minutes, tokens kept encrypted, the webhook's channel check. */
class ConnectionsTest {
    private final CalendarFixture w = new CalendarFixture();

    @Test
    void theStateWorksOnceAndTheCodeNeedsTheVerifierOfItsChallenge() {
        Connections.Consent consent = w.connections.start(DirectoryWorld.caller(w.mia), "google");
        Map<String, String> query = CalendarFixture.query(consent.authorizationUrl());
        String code = w.google.consent(query.get("code_challenge"));

        assertThat(w.onboarding.callback(code, query.get("state"))).containsEntry("connected", true);
        assertThatThrownBy(() -> w.onboarding.callback(w.google.consent(query.get("code_challenge")), query.get("state")))
                .isInstanceOf(ApiException.class).hasMessageContaining("used already");

        // A code issued for another challenge is refused by the provider: the verifier does not match.
        Connections.Consent other = w.connections.start(DirectoryWorld.caller(w.mia), "google");
        assertThatThrownBy(() -> w.onboarding.callback(w.google.consent("not-the-challenge"), CalendarFixture.query(other.authorizationUrl()).get("state")))
                .isInstanceOf(ApiException.class).hasMessageContaining("refused");
    }

    @Test
    void anExpiredStateIsRefusedAndTheTokensAreNeverStoredInTheClear() {
        Connections.Consent consent = w.connections.start(DirectoryWorld.caller(w.mia), "google");
        Map<String, String> query = CalendarFixture.query(consent.authorizationUrl());
        w.clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> w.onboarding.callback(w.google.consent(query.get("code_challenge")), query.get("state")))
                .isInstanceOf(ApiException.class);

        w.connect(w.mia);
        String stored = w.connection(w.mia).getTokens();
        assertThat(stored).doesNotContain(w.google.validAccessTokens.getLast()).doesNotContain("refresh-1");
    }

    @Test
    void aProviderWithoutClientIsRefusedAsNotAvailableAndAnUnknownOneAsInvalid() {
        var handler = new ConnectCalendarHandler(w.connections);
        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, HttpEvents.request("POST", "/calendar/connect").body("{\"provider\":\"outlook\"}").as(w.mia)), 422, "unprocessable");
        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, HttpEvents.request("POST", "/calendar/connect").body("{\"provider\":\"yahoo\"}").as(w.mia)), 400, "validation-error");
        var ok = DirectoryWorld.call(handler, HttpEvents.request("POST", "/calendar/connect").body("{\"provider\":\"google\"}").as(w.mia));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(DirectoryWorld.json(ok).path("authorizationUrl").asText()).contains("code_challenge=");
    }

    @Test
    void aNotificationQueuesAPullOnlyForTheConnectionsCurrentChannelAndToken() {
        w.connect(w.mia);
        String channel = w.connection(w.mia).getChannelId();
        CalendarNotifications notifications = new CalendarNotifications(w.connections, w.queue);

        assertThatThrownBy(() -> notifications.notified("google", null, channel, "forged", "exists")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> notifications.notified("google", null, "someone-else", "forged", "exists")).isInstanceOf(ApiException.class);
        assertThat(w.queued).isEmpty();
        assertThat(notifications.notified("google", null, channel, w.google.lastChannelToken, "sync")).as("the channel's opening message").isFalse();
        assertThat(notifications.notified("google", w.connection(w.mia).getId(), channel, w.google.lastChannelToken, "exists")).isTrue();
        assertThat(w.queued).singleElement().satisfies(m -> assertThat(m.connectionId()).isEqualTo(w.connection(w.mia).getId()));
    }
}
