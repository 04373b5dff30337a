package app.domus.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.partners.calendar.GoogleCalendarDouble;
import app.domus.local.partners.calendar.MicrosoftGraphDouble;
import app.domus.local.partners.channels.ChannelsDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 20 through the local cloud and its Google Calendar double: the manager connects a Google calendar (consent with
 * PKCE, a state that works once) and its existing event is imported; a stay booked on a channel puts its check-in in the
 * manager's calendar, pushed to Google once, and Google's notification of that write changes nothing (no echo); the
 * check-in changed in Google comes back (watch notification, then the sync token); an event deleted in Google is deleted
 * in Domus, and the stay cancelled in Domus is deleted in Google; with every access token expired the next push still
 * goes through on a refreshed one; and the manager's iCal feed, read back by ical4j, lists the calendar and is revocable.
 */
@ExtendWith(LocalCloudExtension.class)
class CalendarSyncFlowTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aGoogleCalendarIsConnectedImportedPushedToAndPulledFromWithoutEchoesAndServedAsAnIcalFeed(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String account = "mia-" + run + "@gmail.test";
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        LocalDate base = LocalDate.of(2032, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));

        // An event already in the Google calendar.
        JsonNode dentist = google("POST", "/calendars/" + account + "/events", Map.of("summary", "Dentist " + run,
                "start", base.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).toString(), "end", base.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC).toString()), cloud);

        // Consent: Domus answers Google's address; Google sends the browser back to the callback with a code.
        ApiResponse connect = cloud.as("manager").post("/calendar/connect", Json.write(Map.of("provider", "google")));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        String authorizationUrl = connect.json().path("authorizationUrl").asText();
        assertThat(authorizationUrl).startsWith(googleUrl(cloud)).contains("code_challenge_method=S256").contains("state=");
        HttpResponse<String> consent = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl + "&login_hint="
                + URLEncoder.encode(account, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/calendar/callback");
        ApiResponse connected = cloud.anonymous().get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().path("connected").asBoolean()).isTrue();
        assertThat(connected.json().path("imported").asInt()).isEqualTo(1);
        assertThat(cloud.anonymous().get(back.getRawPath() + "?" + back.getRawQuery()).status()).as("the state works once").isEqualTo(400);
        JsonNode imported = cloud.awaitEvent("EventCreated", e -> e.toString().contains("Dentist " + run));
        String dentistEventId = payload(imported).path("eventId").asText();

        // A stay booked on a channel: its check-in goes into the manager's Google calendar, once.
        String property = "prop-cal-" + run;
        ApiResponse channel = cloud.as("manager").header("idempotency-key", "cal-cm-" + run).post("/units/" + unit + "/channels", Json.write(Map.of(
                "type", "channel-manager", "name", "Channels", "propertyId", property, "apiKey", ChannelsDouble.API_KEY)));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String channelId = channel.json().path("channelId").asText();
        booking(cloud, "cal-b1-" + run, property, "new", base.plusDays(10), base.plusDays(12));
        syncNow(cloud, unit, channelId);
        JsonNode checkIn = awaitGoogle(cloud, account, e -> e.path("start").path("date").asText().equals(base.plusDays(10).toString())
                && e.path("summary").asText().startsWith("Guest check-in"));
        String checkInEventId = checkIn.path("extendedProperties").path("private").path("domusEventId").asText();
        assertThat(checkInEventId).isNotEmpty();
        assertThat(checkIn.path("description").asText()).doesNotContain("Gus");

        // Google notifies Domus of that very write: the pull passes over it (no EventUpdated, no second write to Google).
        // (The channel's opening "sync" message may beat the channel's id into the table and be refused: it carries no change.)
        awaitCalls(cloud, c -> c.path("notification-answer:204").asInt() >= c.path("notification:exists").asInt() && c.path("notification:exists").asInt() >= 1);
        cloud.awaitQueueDrained("CalendarSyncQueue");
        cloud.awaitQueueDrained("CalendarPushQueue");
        assertThat(events(cloud, "EventUpdated").toString()).doesNotContain(checkInEventId);
        JsonNode calls = google("GET", "/calls", null, cloud);
        assertThat(calls.path("insert").asInt()).isEqualTo(1);
        assertThat(calls.path("patch").asInt()).isZero();
        assertThat(googleEvents(cloud, account)).filteredOn(e -> e.toString().contains(checkInEventId)).hasSize(1);

        // The manager moves the check-in's title in Google: the change comes back, once, and is not sent back to Google.
        google("PATCH", "/calendars/" + account + "/events/" + checkIn.path("id").asText(), Map.of("summary", "Check-in " + run + " (keys at the desk)"), cloud);
        JsonNode updated = cloud.awaitEvent("EventUpdated", e -> e.toString().contains(checkInEventId));
        assertThat(payload(updated).path("title").asText()).isEqualTo("Check-in " + run + " (keys at the desk)");
        assertThat(payload(updated).path("fromConnection").asText()).isEqualTo(connected.json().path("connectionId").asText());
        cloud.awaitQueueDrained("CalendarPushQueue");
        cloud.awaitQueueDrained("CalendarSyncQueue");
        assertThat(google("GET", "/calls", null, cloud).path("patch").asInt()).as("no echo to Google").isZero();

        // The iCal feed, read back by ical4j, shows the calendar as it is now; revoked, it is gone.
        ApiResponse feed = cloud.as("manager").header("idempotency-key", "cal-feed-" + run).post("/calendar/feeds", "");
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        URI feedUrl = URI.create(feed.json().path("url").asText());
        ApiResponse ics = cloud.anonymous().get(feedUrl.getRawPath() + "?" + feedUrl.getRawQuery());
        assertThat(ics.status()).as(ics.body()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        List<String> summaries = calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getSummary().getValue()).toList();
        assertThat(summaries).contains("Dentist " + run, "Check-in " + run + " (keys at the desk)");
        assertThat(cloud.anonymous().get(feedUrl.getRawPath() + "?token=wrong").status()).isEqualTo(404);

        // Deleted in Google: the imported event is deleted in Domus.
        google("DELETE", "/calendars/" + account + "/events/" + dentist.path("id").asText(), null, cloud);
        cloud.awaitEvent("EventDeleted", e -> e.toString().contains(dentistEventId));

        // Every access token expires early: the next push refreshes the token and goes through all the same.
        int refreshes = google("GET", "/calls", null, cloud).path("token:refresh_token").asInt();
        google("POST", "/tokens/expire", null, cloud);
        booking(cloud, "cal-b2-" + run, property, "new", base.plusDays(20), base.plusDays(22));
        syncNow(cloud, unit, channelId);
        awaitGoogle(cloud, account, e -> e.path("start").path("date").asText().equals(base.plusDays(20).toString()));
        assertThat(google("GET", "/calls", null, cloud).path("token:refresh_token").asInt()).isGreaterThan(refreshes);

        // Cancelled in Domus (the channel cancels the stay): the check-in is deleted in Google.
        booking(cloud, "cal-b1-" + run, property, "cancelled", base.plusDays(10), base.plusDays(12));
        syncNow(cloud, unit, channelId);
        awaitGoogle(cloud, account, e -> e.path("id").asText().equals(checkIn.path("id").asText()) && e.path("status").asText().equals("cancelled"));
        cloud.awaitEvent("EventDeleted", e -> e.toString().contains(checkInEventId));

        // The quarter-hourly poll after Google let the sync token expire: a full pull, which adds nothing twice.
        cloud.awaitQueueDrained("CalendarPushQueue");
        cloud.awaitQueueDrained("CalendarSyncQueue");
        long createdBefore = count(events(cloud, "EventCreated"), run);
        int lists = google("GET", "/calls", null, cloud).path("list").asInt();
        google("POST", "/sync-tokens/expire", null, cloud);
        cloud.fireSchedule("ScheduleCalendarSyncsFunction");
        cloud.awaitQueueDrained("CalendarSyncQueue");
        assertThat(google("GET", "/calls", null, cloud).path("list").asInt()).isGreaterThan(lists);
        assertThat(count(events(cloud, "EventCreated"), run)).isEqualTo(createdBefore);

        ApiResponse after = cloud.anonymous().get(feedUrl.getRawPath() + "?" + feedUrl.getRawQuery());
        assertThat(after.body()).doesNotContain("Dentist " + run).doesNotContain("keys at the desk");
        assertThat(cloud.as("manager").delete("/calendar/feeds/" + feed.json().path("feedId").asText()).status()).isEqualTo(204);
        assertThat(cloud.anonymous().get(feedUrl.getRawPath() + "?" + feedUrl.getRawQuery()).status()).isEqualTo(404);
    }

    /**
     * The same through the Microsoft Graph double: consent, import by delta, a stay's check-in pushed once with no echo
     * of Graph's notification (after the subscription's validation handshake), a change and a deletion in Outlook pulled
     * back, the stay cancelled in Domus deleted in Outlook, and a push through expired tokens on a refreshed one.
     */
    @Test
    void anOutlookCalendarIsConnectedThroughMicrosoftGraphAndSyncedBothWays(LocalCloudClient cloud) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String account = "mia-" + run + "@outlook.test";
        String unit = cloud.cloud().demoData().ids().get("unit.1A");
        LocalDate base = LocalDate.of(2042, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 3000));
        String graph = MicrosoftGraphDouble.NAME;

        JsonNode meeting = partner(cloud, graph, "POST", "/calendars/" + account + "/events", Map.of("summary", "Meeting " + run,
                "start", base.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).toString(), "end", base.atTime(10, 0).toInstant(java.time.ZoneOffset.UTC).toString()));

        ApiResponse connect = cloud.as("manager").post("/calendar/connect", Json.write(Map.of("provider", "outlook")));
        assertThat(connect.status()).as(connect.body()).isEqualTo(200);
        String authorizationUrl = connect.json().path("authorizationUrl").asText();
        assertThat(authorizationUrl).startsWith(cloud.cloud().partnerDoubles().get(graph) + "/common/oauth2/v2.0/authorize").contains("code_challenge=");
        HttpResponse<String> consent = HTTP.send(HttpRequest.newBuilder(URI.create(authorizationUrl + "&login_hint="
                + URLEncoder.encode(account, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
        ApiResponse connected = cloud.anonymous().get(back.getRawPath() + "?" + back.getRawQuery());
        assertThat(connected.status()).as(connected.body()).isEqualTo(200);
        assertThat(connected.json().path("imported").asInt()).isEqualTo(1);
        String connectionId = connected.json().path("connectionId").asText();
        assertThat(partner(cloud, graph, "GET", "/calls", null).path("subscribe").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(partner(cloud, graph, "GET", "/calls", null).path("subscription-validation-failed").asInt()).isZero();
        String meetingEventId = payload(cloud.awaitEvent("EventCreated", e -> e.toString().contains("Meeting " + run))).path("eventId").asText();

        String property = "prop-ol-" + run;
        ApiResponse channel = cloud.as("manager").header("idempotency-key", "ol-cm-" + run).post("/units/" + unit + "/channels", Json.write(Map.of(
                "type", "channel-manager", "name", "Channels", "propertyId", property, "apiKey", ChannelsDouble.API_KEY)));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String channelId = channel.json().path("channelId").asText();
        booking(cloud, "ol-b1-" + run, property, "new", base.plusDays(10), base.plusDays(12));
        syncNow(cloud, unit, channelId);
        Predicate<JsonNode> isCheckIn = e -> e.path("start").path("dateTime").asText().startsWith(base.plusDays(10).toString())
                && e.path("subject").asText().startsWith("Guest check-in");
        JsonNode checkIn = awaitPartner(cloud, graph, account, isCheckIn);
        String checkInEventId = payload(cloud.awaitEvent("EventCreated", e -> e.toString().contains("Guest check-in")
                && e.toString().contains(base.plusDays(10).toString()))).path("eventId").asText();

        // Graph notifies the insert: no EventUpdated, no second write, one event in Outlook.
        awaitPartnerCalls(cloud, graph, c -> c.path("notification-answer:202").asInt() >= c.path("notification:created").asInt());
        cloud.awaitQueueDrained("CalendarSyncQueue");
        cloud.awaitQueueDrained("CalendarPushQueue");
        assertThat(events(cloud, "EventUpdated").toString()).doesNotContain(checkInEventId);
        assertThat(partner(cloud, graph, "GET", "/calls", null).path("patch").asInt()).isZero();
        assertThat(partnerEvents(cloud, graph, account)).filteredOn(isCheckIn).hasSize(1);
        List<JsonNode> created = new java.util.ArrayList<>();
        events(cloud, "EventCreated").forEach(e -> created.add(payload(e)));
        assertThat(created).as("the check-in is not imported back as the manager's own event")
                .noneMatch(p -> p.path("origin").asText().equals(connectionId) && p.path("title").asText().startsWith("Guest check-in"));

        // Changed in Outlook: pulled back once, not sent back.
        partner(cloud, graph, "PATCH", "/calendars/" + account + "/events/" + checkIn.path("id").asText(), Map.of("summary", "Check-in " + run + " moved"));
        JsonNode updated = cloud.awaitEvent("EventUpdated", e -> e.toString().contains(checkInEventId));
        assertThat(payload(updated).path("fromConnection").asText()).isEqualTo(connectionId);
        cloud.awaitQueueDrained("CalendarPushQueue");
        assertThat(partner(cloud, graph, "GET", "/calls", null).path("patch").asInt()).isZero();

        // Deleted in Outlook: deleted in Domus.
        partner(cloud, graph, "DELETE", "/calendars/" + account + "/events/" + meeting.path("id").asText(), null);
        cloud.awaitEvent("EventDeleted", e -> e.toString().contains(meetingEventId));

        // Expired tokens: refreshed, and the push goes through.
        int refreshes = partner(cloud, graph, "GET", "/calls", null).path("token:refresh_token").asInt();
        partner(cloud, graph, "POST", "/tokens/expire", null);
        booking(cloud, "ol-b2-" + run, property, "new", base.plusDays(20), base.plusDays(22));
        syncNow(cloud, unit, channelId);
        awaitPartner(cloud, graph, account, e -> e.path("start").path("dateTime").asText().startsWith(base.plusDays(20).toString()));
        assertThat(partner(cloud, graph, "GET", "/calls", null).path("token:refresh_token").asInt()).isGreaterThan(refreshes);

        // Cancelled in Domus: deleted in Outlook.
        booking(cloud, "ol-b1-" + run, property, "cancelled", base.plusDays(10), base.plusDays(12));
        syncNow(cloud, unit, channelId);
        cloud.awaitEvent("EventDeleted", e -> e.toString().contains(checkInEventId));
        awaitPartnerCalls(cloud, graph, c -> c.path("delete").asInt() >= 1);
        assertThat(partnerEvents(cloud, graph, account)).noneMatch(e -> e.path("id").asText().equals(checkIn.path("id").asText()));
    }

    private static List<JsonNode> partnerEvents(LocalCloudClient cloud, String partner, String account) throws Exception {
        List<JsonNode> items = new java.util.ArrayList<>();
        partner(cloud, partner, "GET", "/calendars/" + account + "/events", null).path("items").forEach(items::add);
        return items;
    }

    private static JsonNode awaitPartner(LocalCloudClient cloud, String partner, String account, Predicate<JsonNode> matching) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode e : partnerEvents(cloud, partner, account)) if (matching.test(e)) return e;
            Thread.sleep(100);
        }
        throw new AssertionError("No such event in " + account + "'s calendar at " + partner + ": " + partnerEvents(cloud, partner, account));
    }

    private static void awaitPartnerCalls(LocalCloudClient cloud, String partner, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (done.test(partner(cloud, partner, "GET", "/calls", null))) return;
            Thread.sleep(100);
        }
        throw new AssertionError("The " + partner + " double's calls did not get there: " + partner(cloud, partner, "GET", "/calls", null));
    }

    private static JsonNode partner(LocalCloudClient cloud, String partner, String method, String control, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.cloud().partnerDoubles().get(partner) + "/_double" + control))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(control + ": " + response.body()).isEqualTo(200);
        return Json.read(response.body());
    }

    private static JsonNode payload(JsonNode event) {
        JsonNode message = event.has("message") ? Json.read(event.path("message").asText()) : event;
        return message.path("payload");
    }

    private static long count(JsonNode events, String text) {
        long n = 0;
        for (JsonNode e : events) if (e.toString().contains(text)) n++;
        return n;
    }

    private static JsonNode events(LocalCloudClient cloud, String type) {
        return cloud.console("events?type=" + type);
    }

    private static void syncNow(LocalCloudClient cloud, String unit, String channelId) {
        ApiResponse response = cloud.as("manager").post("/units/" + unit + "/channels/" + channelId + "/sync", "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private static void booking(LocalCloudClient cloud, String id, String property, String status, LocalDate in, LocalDate out) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.cloud().partnerDoubles().get(ChannelsDouble.NAME) + "/_double/bookings"))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("id", id, "property_id", property, "status", status, "ota_name", "Airbnb",
                        "arrival_date", in.toString(), "departure_date", out.toString(),
                        "customer", Map.of("name", "Gus", "surname", "Guest", "mail", "gus@example.com"), "occupancy", Map.of("adults", 2)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static List<JsonNode> googleEvents(LocalCloudClient cloud, String account) throws Exception {
        return partnerEvents(cloud, GoogleCalendarDouble.NAME, account);
    }

    private static JsonNode awaitGoogle(LocalCloudClient cloud, String account, Predicate<JsonNode> matching) throws Exception {
        return awaitPartner(cloud, GoogleCalendarDouble.NAME, account, matching);
    }

    private static void awaitCalls(LocalCloudClient cloud, Predicate<JsonNode> done) throws Exception {
        awaitPartnerCalls(cloud, GoogleCalendarDouble.NAME, done);
    }

    private static String googleUrl(LocalCloudClient cloud) {
        return cloud.cloud().partnerDoubles().get(GoogleCalendarDouble.NAME);
    }

    private static JsonNode google(String method, String control, Object body, LocalCloudClient cloud) throws Exception {
        return partner(cloud, GoogleCalendarDouble.NAME, method, control, body);
    }
}
