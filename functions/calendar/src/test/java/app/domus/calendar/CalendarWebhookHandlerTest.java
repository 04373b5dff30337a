package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.calendar.connect.Connections;
import app.domus.calendar.sync.CalendarNotifications;
import app.domus.calendar.sync.CalendarSync;
import app.domus.calendar.sync.CalendarWebhookHandler;
import app.domus.calendar.sync.Onboarding;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The providers' change notifications at the webhook: Google's X-Goog-* headers; Graph's validation handshake and its clientState. */
class CalendarWebhookHandlerTest {
    private final CalendarFixture w = new CalendarFixture();
    private final CalendarWebhookHandler handler = new CalendarWebhookHandler(new CalendarNotifications(w.connections, w.queue));

    private static HttpEvents google(String channel, String token, String state) {
        return HttpEvents.request("POST", "/webhooks/calendar/google").pathParam("provider", "google")
                .header("X-Goog-Channel-ID", channel).header("X-Goog-Channel-Token", token).header("X-Goog-Resource-State", state)
                .header("X-Goog-Resource-ID", "resource-1").header("X-Goog-Message-Number", "2");
    }

    @Test
    void aGoogleNotificationOfTheChannelQueuesAPullAndItsOpeningMessageDoesNot() {
        w.connect(w.mia);
        String channel = w.connection(w.mia).getChannelId();

        var opening = DirectoryWorld.call(handler, google(channel, w.google.lastChannelToken, "sync"));
        assertThat(opening.getStatusCode()).isEqualTo(204);
        assertThat(w.queued).isEmpty();

        var change = DirectoryWorld.call(handler, google(channel, w.google.lastChannelToken, "exists"));
        assertThat(change.getStatusCode()).isEqualTo(204);
        assertThat(w.queued).singleElement().satisfies(m -> assertThat(m.connectionId()).isEqualTo(w.connection(w.mia).getId()));

        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, google(channel, "forged", "exists")), 404, "not-found");
        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, HttpEvents.request("POST", "/webhooks/calendar/google").pathParam("provider", "google")), 404, "not-found");
        assertThat(w.queued).hasSize(1);
    }

    @Test
    void graphsValidationTokenIsEchoedInPlainTextAndOneThatIsNoTokenRefused() {
        var ok = DirectoryWorld.call(handler, HttpEvents.request("POST", "/webhooks/calendar/outlook").pathParam("provider", "outlook")
                .query("connection", "c1").query("validationToken", "Validation: Testing client application reachability for subscription Request-Id: 1"));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(ok.getBody()).isEqualTo("Validation: Testing client application reachability for subscription Request-Id: 1");
        assertThat(ok.getHeaders()).containsEntry("Content-Type", "text/plain; charset=utf-8");

        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, HttpEvents.request("POST", "/webhooks/calendar/outlook").pathParam("provider", "outlook")
                .query("validationToken", "<script>\n")), 400, "validation-error");
        DirectoryWorld.assertProblem(DirectoryWorld.call(handler, HttpEvents.request("POST", "/webhooks/calendar/outlook").pathParam("provider", "outlook")
                .query("validationToken", "a".repeat(1025))), 400, "validation-error");
        assertThat(DirectoryWorld.call(handler, HttpEvents.request("POST", "/webhooks/calendar/outlook").pathParam("provider", "outlook")
                .query("validationToken", "a".repeat(1024))).getStatusCode()).isEqualTo(200);
        assertThat(w.queued).isEmpty();
    }

    @Test
    void aGraphNotificationQueuesThePullForItemsOfTheSubscriptionAndItsClientStateOnly() {
        Connections outlook = new Connections(w.table, Map.of("outlook", w.google), w.cipher, w.clock, "https://api.example.test");
        Onboarding onboarding = new Onboarding(outlook, new CalendarSync(outlook, w.book, w.links, w.clock), w.queue, w.clock);
        Connections.Consent consent = outlook.start(DirectoryWorld.caller(w.olga), "outlook");
        Map<String, String> query = CalendarFixture.query(consent.authorizationUrl());
        onboarding.callback(w.google.consent(query.get("code_challenge")), query.get("state"));
        var connection = outlook.connection(Connections.connectionId(w.olga, "outlook")).orElseThrow();
        String subscription = connection.getChannelId();
        String clientState = w.google.lastChannelToken;
        w.queued.clear();
        CalendarWebhookHandler graph = new CalendarWebhookHandler(new CalendarNotifications(outlook, w.queue));

        var accepted = DirectoryWorld.call(graph, notification(connection.getId(), """
                {"value":[{"subscriptionId":"%s","clientState":"forged","changeType":"updated"},
                          {"subscriptionId":"%s","clientState":"%s","changeType":"created","resource":"Users/x/Events/y"}]}"""
                .formatted(subscription, subscription, clientState)));
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        assertThat(w.queued).singleElement().satisfies(m -> assertThat(m.connectionId()).isEqualTo(connection.getId()));

        DirectoryWorld.assertProblem(DirectoryWorld.call(graph, notification(connection.getId(), """
                {"value":[{"subscriptionId":"%s","clientState":"forged","changeType":"updated"},
                          {"subscriptionId":"another","clientState":"%s","changeType":"updated"}]}""".formatted(subscription, clientState))), 404, "not-found");
        DirectoryWorld.assertProblem(DirectoryWorld.call(graph, notification(connection.getId(), "{\"value\":[]}")), 404, "not-found");
        DirectoryWorld.assertProblem(DirectoryWorld.call(graph, notification(connection.getId(), "{\"value\":{}}")), 400, "validation-error");
        DirectoryWorld.assertProblem(DirectoryWorld.call(graph, notification(connection.getId(), "not json")), 400, "validation-error");
        assertThat(w.queued).hasSize(1);
    }

    private static HttpEvents notification(String connectionId, String body) {
        return HttpEvents.request("POST", "/webhooks/calendar/outlook").pathParam("provider", "outlook").query("connection", connectionId).body(body);
    }
}
