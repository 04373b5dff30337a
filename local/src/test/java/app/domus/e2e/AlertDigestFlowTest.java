package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.envelope;
import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 17, daily digests: a daily saved search collects the day's matches; the next morning's schedule e-mails them in
 * one message, once however often it runs. Every alert carries a one-click unsubscribe link (no sign-in) that stops the
 * search's alerts.
 */
@ExtendWith(LocalCloudExtension.class)
class AlertDigestFlowTest {
    private static final Pattern UNSUBSCRIBE = Pattern.compile("/saved-searches/([A-Za-z0-9]+)/unsubscribe\\?token=([A-Za-z0-9_-]+)");

    @Test
    void aDailySearchIsEmailedOneDigestOfTheDaysMatchesTheMorningAfter(LocalCloudClient cloud) throws Exception {
        String city = "Lindenhof " + UUID.randomUUID().toString().substring(0, 8);
        String email = cloud.cloud().demoData().account("tenant").orElseThrow().email();
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes")));
        ApiResponse saved = conforms("POST", "/saved-searches", cloud.as("tenant").header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/saved-searches", json(Map.of("criteria", Map.of("location", city), "alertSettings", Map.of("frequency", "daily")))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String savedSearchId = saved.json().path("savedSearchId").asText();

        String first = published(cloud, city, 210_000_00);
        String second = published(cloud, city, 230_000_00);
        String elsewhere = published(cloud, "Elsewhere " + UUID.randomUUID().toString().substring(0, 8), 210_000_00);
        cloud.awaitQueueDrained("SavedSearchAlertsQueue");
        cloud.awaitQueueDrained("NotificationQueue");
        assertThat(cloud.outbox(email).toString()).as("nothing before the morning").doesNotContain(first).doesNotContain(second);

        Instant morning = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(0, 5).toInstant(ZoneOffset.UTC);
        cloud.fireSchedule("SendAlertDigestsFunction", morning);
        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, email, first)).as("the digest is e-mailed").isTrue();
        String digest = cloud.outbox(email).stream().map(Object::toString).filter(m -> m.contains(first)).findFirst().orElseThrow();
        assertThat(digest).contains(second).doesNotContain(elsewhere);

        cloud.fireSchedule("SendAlertDigestsFunction", morning);
        cloud.awaitQueueDrained("NotificationQueue");
        assertThat(cloud.outbox(email).stream().filter(m -> m.toString().contains(first)).count()).as("one digest, however often it runs")
                .isEqualTo(1);

        Matcher link = UNSUBSCRIBE.matcher(digest);
        assertThat(link.find()).as(digest).isTrue();
        assertThat(link.group(1)).isEqualTo(savedSearchId);
        ApiResponse unsubscribed = conforms("GET", "/saved-searches/{savedSearchId}/unsubscribe", cloud.anonymous().get(link.group()));
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(200);
    }

    @Test
    void theUnsubscribeLinkOfAnInstantAlertStopsTheSearchsAlertsWithoutSignIn(LocalCloudClient cloud) throws Exception {
        String city = "Espenau " + UUID.randomUUID().toString().substring(0, 8);
        String email = cloud.cloud().demoData().account("manager").orElseThrow().email();
        cloud.as("technician").post("/agencies", json(Map.of("name", "Technician Homes")));
        ApiResponse saved = cloud.as("manager").post("/saved-searches",
                json(Map.of("criteria", Map.of("location", city), "alertSettings", Map.of("frequency", "instant"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);

        String first = published(cloud, city, 180_000_00);
        assertThat(DelegationFlowTest.awaitMessageContaining(cloud, email, first)).isTrue();
        String alert = cloud.outbox(email).stream().map(Object::toString).filter(m -> m.contains(first)).findFirst().orElseThrow();
        Matcher link = UNSUBSCRIBE.matcher(alert);
        assertThat(link.find()).as(alert).isTrue();
        assertThat(cloud.anonymous().get(link.group(0).replace("token=", "token=x")).status()).as("a forged token").isEqualTo(404);
        ApiResponse unsubscribed = conforms("GET", "/saved-searches/{savedSearchId}/unsubscribe", cloud.anonymous().get(link.group()));
        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(200);

        String second = published(cloud, city, 170_000_00);
        cloud.awaitEvent("ListingPublished", e -> envelope(e).toString().contains(second));
        cloud.awaitQueueDrained("SavedSearchAlertsQueue");
        cloud.awaitQueueDrained("NotificationQueue");
        assertThat(cloud.outbox(email).toString()).as("no alert after unsubscribing").doesNotContain(second);
    }

    private static String published(LocalCloudClient cloud, String city, long priceMinor) {
        ApiResponse created = cloud.as("technician").post("/listings", json(Map.of(
                "property", Map.of("type", "apartment", "rooms", 3, "address", Map.of("city", city, "latitude", 51.3, "longitude", 9.5)),
                "pricing", Map.of("offer", "sale", "amountMinor", priceMinor, "currency", "EUR"))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("listingId").asText();
        assertThat(cloud.as("technician").post("/listings/" + id + "/publish", "").status()).isEqualTo(200);
        return id;
    }
}
