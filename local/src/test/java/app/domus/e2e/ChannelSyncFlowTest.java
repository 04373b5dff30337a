package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.partners.channels.ChannelsDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 14 through the local cloud and its channel doubles: a unit connected to a Channex-shaped channel manager and to
 * an iCal feed; new, changed and cancelled bookings from each arrive by "sync now" and the 15-minute schedule's fan-out;
 * an overlap between the two is flagged on both stays and the building's manager e-mailed; the channel manager failing
 * opens its breaker while the feed still syncs; and a re-run that changes nothing.
 */
@ExtendWith(LocalCloudExtension.class)
class ChannelSyncFlowTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void bookingsFromAChannelManagerAndAFeedAreSyncedOnceOverlapsAlertTheManagerAndAFailingChannelIsIsolated(LocalCloudClient cloud) throws Exception {
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String property = "prop-" + run;
        String feed = "feed-" + run;
        LocalDate base = LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));

        // The manager connects both channels; the answers never carry the credentials.
        double_("POST", "/feeds/" + feed + "/events", Map.of("uid", "f-1@" + run, "start", base.toString(), "end", base.plusDays(3).toString()), cloud);
        ApiResponse cm = cloud.as("manager").header("idempotency-key", "cm-" + run).post("/units/" + unit + "/channels", Json.write(Map.of(
                "type", "channel-manager", "name", "Airbnb and Booking.com", "propertyId", property, "apiKey", ChannelsDouble.API_KEY)));
        assertThat(cm.status()).as(cm.body()).isEqualTo(201);
        assertThat(cm.body()).doesNotContain(ChannelsDouble.API_KEY);
        String cmId = cm.json().path("channelId").asText();
        String feedUrl = doubleUrl(cloud) + "/feeds/" + feed + ".ics";
        ApiResponse ical = cloud.as("manager").header("idempotency-key", "ical-" + run).post("/units/" + unit + "/channels",
                Json.write(Map.of("type", "ical", "name", "Host calendar", "feedUrl", feedUrl)));
        assertThat(ical.status()).as(ical.body()).isEqualTo(201);
        assertThat(ical.body()).doesNotContain(feed);
        String icalId = ical.json().path("channelId").asText();
        assertThat(cloud.as("owner2").header("idempotency-key", "x-" + run).post("/units/" + unit + "/channels",
                Json.write(Map.of("type", "ical", "feedUrl", feedUrl))).status()).isIn(403, 404);

        // A new booking at the channel manager, and the feed's stay, arrive by sync now.
        booking(cloud, "b1-" + run, property, "new", "Airbnb", base.plusDays(10), base.plusDays(14));
        syncNow(cloud, unit, cmId);
        syncNow(cloud, unit, icalId);
        JsonNode stays = awaitStays(cloud, unit, s -> count(s, run) == 2);
        JsonNode fromCm = stay(stays, "b1-" + run);
        assertThat(fromCm.path("channel").asText()).isEqualTo("airbnb");
        assertThat(fromCm.path("guestName").asText()).isEqualTo("Gus Guest");
        assertThat(stay(stays, "f-1@" + run).path("channel").asText()).isEqualTo("ical");
        cloud.awaitEvent("ReservationCreated", e -> e.toString().contains("b1-" + run));

        // Changed and cancelled: the booking moves a day, the feed's stay vanishes from it.
        booking(cloud, "b1-" + run, property, "modified", "Airbnb", base.plusDays(11), base.plusDays(14));
        double_("DELETE", "/feeds/" + feed + "/events/f-1@" + run, null, cloud);
        cloud.fireSchedule("ScheduleChannelSyncsFunction");
        stays = awaitStays(cloud, unit, s -> stay(s, "b1-" + run).path("checkIn").asText().equals(base.plusDays(11).toString())
                && stay(s, "f-1@" + run).path("status").asText().equals("cancelled"));
        cloud.awaitEvent("ReservationChanged", e -> e.toString().contains("b1-" + run) && e.toString().contains("checkIn"));
        cloud.awaitEvent("ReservationCancelled", e -> e.toString().contains("f-1@" + run));

        // A double booking: the feed gets a stay overlapping the channel manager's; both are flagged, the manager e-mailed.
        double_("POST", "/feeds/" + feed + "/events", Map.of("uid", "f-2@" + run, "start", base.plusDays(13).toString(),
                "end", base.plusDays(16).toString()), cloud);
        syncNow(cloud, unit, icalId);
        stays = awaitStays(cloud, unit, s -> !stay(s, "f-2@" + run).isMissingNode());
        String cmReservation = stay(stays, "b1-" + run).path("reservationId").asText();
        String overlapping = stay(stays, "f-2@" + run).path("reservationId").asText();
        assertThat(stay(stays, "f-2@" + run).path("overlapsWith").toString()).contains(cmReservation);
        assertThat(stay(stays, "b1-" + run).path("overlapsWith").toString()).contains(overlapping);
        JsonNode alert = cloud.awaitOutbox("manager@domus.local", m -> m.path("text").asText().contains(overlapping));
        assertThat(alert.path("subject").asText()).startsWith("Double booking");

        // A re-run of both syncs changes nothing.
        String before = Json.write(cloud.as("manager").get("/units/" + unit + "/reservations").json());
        syncNow(cloud, unit, cmId);
        syncNow(cloud, unit, icalId);
        cloud.awaitQueueDrained("ChannelSyncQueue");
        assertThat(Json.write(cloud.as("manager").get("/units/" + unit + "/reservations").json())).isEqualTo(before);

        // The channel manager fails on every call: three syncs (each with its retries) open its breaker; the feed still syncs.
        double_("POST", "/faults?target=channel-manager&kind=error&count=200", null, cloud);
        try {
            for (int i = 0; i < 3; i++) {
                syncNow(cloud, unit, cmId);
                cloud.awaitQueueDrained("ChannelSyncQueue");
            }
            double_("POST", "/feeds/" + feed + "/events", Map.of("uid", "f-3@" + run, "start", base.plusDays(40).toString(),
                    "end", base.plusDays(42).toString()), cloud);
            syncNow(cloud, unit, icalId);
            awaitStays(cloud, unit, s -> !stay(s, "f-3@" + run).isMissingNode());
            JsonNode channels = cloud.as("manager").get("/units/" + unit + "/channels").json();
            JsonNode cmHealth = channel(channels, cmId).path("health");
            assertThat(cmHealth.path("breakerState").asText()).isEqualTo("OPEN");
            assertThat(cmHealth.path("lastError").asText()).contains("500");
            assertThat(channel(channels, icalId).path("health").path("breakerState").asText()).isEqualTo("CLOSED");
            assertThat(channel(channels, icalId).path("health").path("lastSuccessAt").asText()).isNotEmpty();
            assertThat(channels.toString()).doesNotContain(ChannelsDouble.API_KEY).doesNotContain(feed);

            int calls = double_("GET", "/calls", null, cloud).path("channel-manager").asInt();
            syncNow(cloud, unit, cmId);
            cloud.awaitQueueDrained("ChannelSyncQueue");
            assertThat(double_("GET", "/calls", null, cloud).path("channel-manager").asInt()).as("an open breaker calls nobody").isEqualTo(calls);
        } finally {
            double_("DELETE", "/faults", null, cloud);
        }
    }

    private static void syncNow(LocalCloudClient cloud, String unit, String channelId) {
        ApiResponse response = cloud.as("manager").post("/units/" + unit + "/channels/" + channelId + "/sync", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static JsonNode awaitStays(LocalCloudClient cloud, String unit, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        return LocalCloudClient.awaitAnswer(() -> cloud.as("manager").get("/units/" + unit + "/reservations"), done);
    }

    private static long count(JsonNode stays, String run) {
        return StreamSupport.stream(stays.path("items").spliterator(), false)
                .filter(s -> s.path("channelReservationId").asText().contains(run)).count();
    }

    private static JsonNode stay(JsonNode stays, String channelReservationId) {
        for (JsonNode s : stays.path("items")) if (s.path("channelReservationId").asText().equals(channelReservationId)) return s;
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonNode channel(JsonNode channels, String channelId) {
        for (JsonNode c : channels.path("items")) if (c.path("channelId").asText().equals(channelId)) return c;
        throw new AssertionError("no channel " + channelId + " in " + channels);
    }

    private static void booking(LocalCloudClient cloud, String id, String property, String status, String ota, LocalDate in, LocalDate out) throws Exception {
        double_("POST", "/bookings", Map.of("id", id, "property_id", property, "status", status, "ota_name", ota,
                "arrival_date", in.toString(), "departure_date", out.toString(),
                "customer", Map.of("name", "Gus", "surname", "Guest", "mail", "gus@example.com"), "occupancy", Map.of("adults", 2)), cloud);
    }

    private static String doubleUrl(LocalCloudClient cloud) {
        return cloud.cloud().partnerDoubles().get(ChannelsDouble.NAME);
    }

    private static JsonNode double_(String method, String control, Object body, LocalCloudClient cloud) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(doubleUrl(cloud) + "/_double" + control))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(control + ": " + response.body()).isEqualTo(200);
        return Json.read(response.body());
    }
}
