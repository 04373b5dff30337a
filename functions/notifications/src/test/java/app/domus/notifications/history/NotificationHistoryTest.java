package app.domus.notifications.history;

import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.notifications.NotificationsFixture;
import app.domus.shared.notify.Channel;
import app.domus.notifications.devices.RegisterDeviceRequest;
import app.domus.notifications.preferences.PreferencesRequest;
import app.domus.shared.directory.UserItem;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every notification a user was sent, listed newest first with an unread count, read one by one or all at once, and live. */
class NotificationHistoryTest {
    private final NotificationsFixture f = new NotificationsFixture();
    private final ListNotificationsHandler list = new ListNotificationsHandler(f.history);
    private final ReadNotificationHandler read = new ReadNotificationHandler(f.history);
    private final ReadAllNotificationsHandler readAll = new ReadAllNotificationsHandler(f.history);
    private final UserItem user = f.user(null);
    private final UserItem someoneElse = f.user(null);

    @AfterEach
    void close() {
        f.close();
    }

    private NotificationRequest notify(UserItem to, String subject) {
        NotificationRequest request = new NotificationRequest(UUID.randomUUID().toString(), to.getId(), null, Category.FAULTS, "generic",
                Map.of("subject", subject, "body", subject + " — details"));
        f.notifier.deliver(request);
        return request;
    }

    private JsonNode mine(UserItem who, String... query) {
        HttpEvents request = HttpEvents.request("GET", "/notifications").as(who.getId());
        for (int i = 0; i + 1 < query.length; i += 2) request.query(query[i], query[i + 1]);
        var response = call(list, request);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return json(response);
    }

    @Test
    void everyNotificationIsKeptOnceNewestFirstWithTheChannelsItWentOnAndCountedUnread() {
        f.devices.register(user.getId(), new RegisterDeviceRequest("fcm", "fcm-token-of-the-users-phone-0001"));
        NotificationRequest first = notify(user, "Lift out of order");
        f.notifier.deliver(first);
        f.preferences.replace(user.getId(), Optional.empty(), new PreferencesRequest(Map.of("faults", Map.of("email", false, "push", false))));
        notify(user, "Lift repaired");
        notify(someoneElse, "Not yours");

        JsonNode page = mine(user);
        assertThat(titles(page)).as("a redelivered request is kept once").containsExactly("Lift repaired", "Lift out of order");
        assertThat(page.path("unread").asInt()).isEqualTo(2);
        assertThat(page.path("items").get(1).path("channels")).extracting(JsonNode::asText).containsExactly("email", "push");
        assertThat(page.path("items").get(0).path("channels")).as("every channel off: still in the history").isEmpty();
        assertThat(page.path("items").get(0).path("body").asText()).isEqualTo("Lift repaired — details");
        assertThat(page.path("items").get(0).path("read").asBoolean()).isFalse();

        JsonNode firstPage = mine(user, "limit", "1");
        assertThat(titles(firstPage)).containsExactly("Lift repaired");
        assertThat(titles(mine(user, "limit", "1", "cursor", firstPage.path("nextCursor").asText()))).containsExactly("Lift out of order");
    }

    @Test
    void eachNotificationGoesLiveToItsUserWithTheUnreadCount() {
        notify(user, "Lift out of order");
        notify(user, "Lift repaired");

        List<JsonNode> live = f.liveUpdates.on("user:" + user.getId());
        assertThat(live).hasSize(2);
        assertThat(live.get(1).path("type").asText()).isEqualTo("notification");
        assertThat(live.get(1).path("notification").path("title").asText()).isEqualTo("Lift repaired");
        assertThat(live.get(1).path("unread").asInt()).isEqualTo(2);
        assertThat(f.liveUpdates.on("user:" + someoneElse.getId())).isEmpty();
    }

    @Test
    void oneIsReadOnceAndSomeoneElsesDoesNotExist() {
        notify(user, "Lift out of order");
        notify(user, "Lift repaired");
        String id = mine(user).path("items").get(1).path("notificationId").asText();

        for (int i = 0; i < 2; i++) {
            var response = call(read, HttpEvents.request("POST", "/notifications/" + id + "/read").pathParam("notificationId", id).as(user.getId()));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(json(response).path("read").asBoolean()).isTrue();
        }
        assertThat(mine(user).path("unread").asInt()).as("read twice counts once").isEqualTo(1);

        f.assertRefusedUnchanged(read, HttpEvents.request("POST", "/notifications/" + id + "/read").pathParam("notificationId", id)
                .as(someoneElse.getId()), 404, "not-found");
        f.assertRefusedUnchanged(read, HttpEvents.request("POST", "/notifications/x/read").pathParam("notificationId", "x")
                .as(user.getId()), 404, "not-found");
    }

    @Test
    void readAllMarksEverythingSentSoFarAndWhatComesLaterIsUnread() {
        notify(user, "one");
        notify(user, "two");
        String second = mine(user).path("items").get(0).path("notificationId").asText();
        call(read, HttpEvents.request("POST", "/notifications/" + second + "/read").pathParam("notificationId", second).as(user.getId()));

        var response = call(readAll, HttpEvents.request("POST", "/notifications/read-all").as(user.getId()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(json(response).path("unread").asInt()).isZero();
        assertThat(mine(user).path("items")).allSatisfy(n -> assertThat(n.path("read").asBoolean()).isTrue());

        notify(user, "three");
        JsonNode after = mine(user);
        assertThat(after.path("unread").asInt()).isEqualTo(1);
        assertThat(after.path("items").get(0).path("read").asBoolean()).isFalse();
        assertThat(mine(someoneElse).path("unread").asInt()).isZero();
        assertThat(json(call(readAll, HttpEvents.request("POST", "/notifications/read-all").as(someoneElse.getId()))).path("unread").asInt()).isZero();
    }

    @Test
    void aNotificationIsStoredForItsUserWithItsRequestTemplateTimeAndNinetyDaysToLive() {
        NotificationRequest request = new NotificationRequest(UUID.randomUUID().toString(), user.getId(), null, Category.FAULTS,
                "generic", Map.of("subject", "Lift", "body", "Out of order"));

        NotificationItem recorded = f.history.record(request, "Lift", "Out of order", java.util.EnumSet.of(Channel.EMAIL));

        NotificationItem stored = f.table.get(NotificationItem.class, UserItem.pk(user.getId()), NotificationItem.sk(recorded.getId())).orElseThrow();
        assertThat(stored.getUserId()).isEqualTo(user.getId());
        assertThat(stored.getRequestId()).isEqualTo(request.id());
        assertThat(stored.getTemplate()).isEqualTo("generic");
        assertThat(stored.getCategory()).isEqualTo("FAULTS");
        assertThat(stored.getSentAt()).isEqualTo(f.world.clock.instant().toString());
        assertThat(stored.getTtl()).isEqualTo(f.world.clock.instant().plus(java.time.Duration.ofDays(90)).getEpochSecond());
        assertThat(stored.getVersion()).isEqualTo(1L);
        assertThat(stored.getChannels()).containsExactly("EMAIL");
    }

    @Test
    void readAllReadsTheNewestToo() {
        notify(user, "one");
        notify(user, "two");

        call(readAll, HttpEvents.request("POST", "/notifications/read-all").as(user.getId()));

        JsonNode page = mine(user);
        assertThat(page.path("items")).hasSize(2).allSatisfy(n -> assertThat(n.path("read").asBoolean()).as(n.toString()).isTrue());
        assertThat(page.path("unread").asInt()).isZero();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("items").forEach(n -> titles.add(n.path("title").asText()));
        return titles;
    }
}
