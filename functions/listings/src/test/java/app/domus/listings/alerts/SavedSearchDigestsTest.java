package app.domus.listings.alerts;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.listings.ListingsFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedSearchDigestsTest {
    private final ListingsFixture f = new ListingsFixture();
    private final CreateSavedSearchHandler create = new CreateSavedSearchHandler(f.savedSearches);
    private final SavedSearchAlertsHandler alerts = new SavedSearchAlertsHandler(f.idempotency, f.savedSearches);
    private final SendAlertDigestsHandler digests = new SendAlertDigestsHandler(f.savedSearches, f.clock);
    private final UnsubscribeSavedSearchHandler unsubscribe = new UnsubscribeSavedSearchHandler(f.savedSearches);

    private String save(String userId, String location, String frequency) {
        var response = call(create, HttpEvents.request("POST", "/saved-searches")
                .body("{\"criteria\":{\"location\":\"" + location + "\"},\"alertSettings\":{\"frequency\":\"" + frequency + "\"}}").as(userId));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        return json(response).path("savedSearchId").asText();
    }

    private void deliver() {
        List<DomainEvent> events = f.events.all();
        f.events.clear();
        for (DomainEvent event : events) assertThat(SqsEvents.failed(alerts.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
    }

    private String publish(String city, long priceMinor) {
        String id = f.published(city, null, 52.5, 13.4, priceMinor, 3, "apartment");
        deliver();
        return id;
    }

    /** Runs the schedule as EventBridge Scheduler would, the morning after {@code day}. */
    private void runDigests(LocalDate day) {
        String at = day.plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC).toString();
        digests.handleRequest(Map.of("scheduledTime", at), new TestContext());
    }

    private List<NotificationRequest> digestsOf(String userId) {
        return f.notifications.ofTemplate(SavedSearches.DIGEST_TEMPLATE).stream().filter(n -> n.userId().equals(userId)).toList();
    }

    private static String unsubscribePath(NotificationRequest alert) {
        return alert.data().get("unsubscribeUrl");
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse click(String savedSearchId, String token) {
        var request = HttpEvents.request("GET", "/saved-searches/" + savedSearchId + "/unsubscribe").pathParam("savedSearchId", savedSearchId);
        if (token != null) request.query("token", token);
        return call(unsubscribe, request);
    }

    @Test
    void aDailySearchGetsOneDigestOfTheDaysMatchesAndNothingTwice() {
        String daily = save(f.paula, "Berlin", "daily");
        save(f.ada, "Berlin", "instant");
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);

        String first = publish("Berlin", 300_000_00);
        String second = publish("Berlin", 320_000_00);
        publish("Hamburg", 300_000_00);
        assertThat(f.notifications.ofTemplate(SavedSearches.TEMPLATE)).as("the instant search alerts at once, the daily one waits")
                .extracting(NotificationRequest::userId).containsExactly(f.ada, f.ada);
        assertThat(digestsOf(f.paula)).isEmpty();

        runDigests(today);
        NotificationRequest digest = digestsOf(f.paula).getFirst();
        assertThat(digestsOf(f.paula)).hasSize(1);
        assertThat(digest.id()).isEqualTo("listing-digest:" + daily + ":" + today);
        assertThat(digest.data().get("count")).isEqualTo("2");
        assertThat(digest.data().get("listings")).contains("/listings/" + first).contains("/listings/" + second).doesNotContain("Hamburg");
        assertThat(unsubscribePath(digest)).startsWith("/saved-searches/" + daily + "/unsubscribe?token=");

        runDigests(today);
        assertThat(digestsOf(f.paula)).as("a run again sends nothing (the notifier would refuse the same id with a new token)").hasSize(1);

        int sent = digestsOf(f.paula).size();
        f.clock.advance(Duration.ofDays(1));
        f.listings.update(app.domus.shared.testing.DirectoryWorld.caller(f.rita), first, new app.domus.listings.listings.ListingRequests.UpdateListing(
                null, null, new app.domus.listings.listings.ListingRequests.Pricing(null, 250_000_00L, null)), java.util.Optional.empty());
        deliver();
        runDigests(today.plusDays(1));
        assertThat(digestsOf(f.paula)).as("a listing already in a digest is not sent again when cheaper").hasSize(sent);
    }

    @Test
    void theUnsubscribeLinkOfAnAlertStopsItsSearchWithoutSignIn() {
        String instant = save(f.paula, "Berlin", "instant");
        publish("Berlin", 300_000_00);
        NotificationRequest alert = f.notifications.ofTemplate(SavedSearches.TEMPLATE).getFirst();
        String token = alert.data().get("unsubscribeToken");
        assertThat(unsubscribePath(alert)).isEqualTo("/saved-searches/" + instant + "/unsubscribe?token=" + token);
        List<UnsubscribeTokenItem> kept = f.table.all(UnsubscribeTokenItem.class, SavedSearchItem.pk(instant), UnsubscribeTokenItem.SK_PREFIX);
        assertThat(kept).hasSize(1);
        assertThat(kept.getFirst().getSk()).as("only the token's hash is kept").doesNotContain(token);

        assertProblem(click(instant, token + "x"), 404, "not-found");
        assertProblem(click(instant, null), 404, "not-found");
        String other = save(f.ada, "Berlin", "instant");
        assertProblem(click(other, token), 404, "not-found");

        var done = click(instant, token);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(200);
        assertThat(json(done).path("unsubscribedAt").asText()).isNotBlank();
        assertThat(click(instant, token).getStatusCode()).as("the link again").isEqualTo(200);

        publish("Berlin", 310_000_00);
        assertThat(f.notifications.ofTemplate(SavedSearches.TEMPLATE)).extracting(NotificationRequest::userId)
                .as("Paula hears no more; Ada's search still alerts").containsExactly(f.paula, f.ada);
    }

    @Test
    void anUnsubscribedDailySearchGetsNoDigestAndAnUnknownFrequencyIsRefused() {
        String daily = save(f.paula, "Berlin", "daily");
        publish("Berlin", 300_000_00);
        String instant = save(f.paula, "Potsdam", "instant");
        publish("Potsdam", 300_000_00);
        NotificationRequest alert = f.notifications.ofTemplate(SavedSearches.TEMPLATE).getFirst();
        assertThat(alert.data().get("savedSearchId")).isEqualTo(instant);
        // the daily search's own link comes with its digest; unsubscribing it before the run stops it
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), ZoneOffset.UTC);
        runDigests(today);
        NotificationRequest digest = digestsOf(f.paula).getFirst();
        assertThat(click(daily, digest.data().get("unsubscribeToken")).getStatusCode()).isEqualTo(200);
        f.clock.advance(Duration.ofDays(1));
        publish("Berlin", 280_000_00);
        runDigests(today.plusDays(1));
        assertThat(digestsOf(f.paula)).hasSize(1);

        var refused = call(create, HttpEvents.request("POST", "/saved-searches")
                .body("{\"criteria\":{\"location\":\"Berlin\"},\"alertSettings\":{\"frequency\":\"weekly\"}}").as(f.paula));
        assertProblem(refused, 400, "validation-error");
    }
}
