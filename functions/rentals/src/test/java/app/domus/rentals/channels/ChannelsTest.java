package app.domus.rentals.channels;

import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.status;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import app.domus.shared.testing.HttpEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unit's channel connections as the manager keeps them: what is stored, what is kept secret, what is listed. */
class ChannelsTest {
    private final RentalsFixture f = new RentalsFixture();

    private static ChannelRequests.Connect manager(String name, String propertyId, String apiKey) {
        return new ChannelRequests.Connect(ChannelItem.MANAGER, name, propertyId, apiKey, null);
    }

    private static ChannelRequests.Connect ical(String name, String url) {
        return new ChannelRequests.Connect(ChannelItem.ICAL, name, null, null, url);
    }

    @Test
    void aChannelManagerIsStoredWithItsPropertyAndItsKeyGoesToTheCredentialStoreOnly() {
        f.clock.set(Instant.parse("2026-03-02T09:07:30Z"));
        Channels.View view = f.channels.connect(caller(f.mia), f.unit.getId(), manager("  Airbnb and Booking  ", "prop-1", "cm-secret-key-1"));

        assertThat(view.type()).isEqualTo(ChannelItem.MANAGER);
        assertThat(view.name()).isEqualTo("Airbnb and Booking");
        assertThat(view.propertyId()).isEqualTo("prop-1");
        assertThat(view.unitId()).isEqualTo(f.unit.getId());
        assertThat(view.createdAt()).isEqualTo("2026-03-02T09:07:30Z");
        assertThat(view.health()).isEqualTo(new Channels.Health(null, null, null, null, null, "2026-03-02T09:15:00Z", "CLOSED", null));

        ChannelItem stored = f.table.get(ChannelItem.class, ChannelItem.pk(f.unit.getId()), ChannelItem.sk(view.channelId())).orElseThrow();
        assertThat(stored.getOrganisationId()).isEqualTo(f.org);
        assertThat(stored.getBuildingId()).isEqualTo(f.building.getId());
        assertThat(stored.getGsi1pk()).isEqualTo(ChannelItem.ALL);
        assertThat(stored.getGsi1sk()).isEqualTo(view.channelId());
        assertThat(stored.getCredentialsName()).isEqualTo("domus/rentals/channels/" + view.channelId());
        assertThat(f.secrets).containsExactly(Map.entry("domus/rentals/channels/" + view.channelId(), Map.of("apiKey", "cm-secret-key-1")));
    }

    @Test
    void aFeedIsNamedByItsTypeWhenUnnamedAndItsAddressIsTheSecret() {
        Channels.View view = f.channels.connect(caller(f.mia), f.unit.getId(), ical(null, "https://feeds.example.test/secret.ics"));
        assertThat(view.name()).isEqualTo(ChannelItem.ICAL);
        assertThat(view.propertyId()).isNull();
        assertThat(f.secrets.get("domus/rentals/channels/" + view.channelId())).isEqualTo(Map.of("feedUrl", "https://feeds.example.test/secret.ics"));
    }

    @Test
    void theListShowsEachChannelsHealthToManagersOnly() {
        Channels.View first = f.channels.connect(caller(f.mia), f.unit.getId(), ical("Host calendar", "https://feeds.example.test/a.ics"));
        ChannelItem c = f.table.get(ChannelItem.class, ChannelItem.pk(f.unit.getId()), ChannelItem.sk(first.channelId())).orElseThrow();
        c.setBreakerState(null);
        c.setLastError("feed answered 500");
        c.setLastErrorAt("2026-03-02T08:45:00Z");
        c.setLastSuccessAt("2026-03-02T08:30:00Z");
        c.setLastAttemptAt("2026-03-02T08:45:00Z");
        c.setLastResult("failed");
        c.setBreakerOpenedAt("2026-03-02T08:45:00Z");
        f.table.of(ChannelItem.class).updateItem(c);
        f.clock.advance(Duration.ofMinutes(15));

        var listed = f.channels.list(caller(f.mia), f.unit.getId()).items();
        assertThat(listed).singleElement().satisfies(v -> {
            assertThat(v.channelId()).isEqualTo(first.channelId());
            assertThat(v.health()).isEqualTo(new Channels.Health("2026-03-02T08:45:00Z", "2026-03-02T08:30:00Z", "2026-03-02T08:45:00Z",
                    "feed answered 500", "failed", "2026-03-02T09:30:00Z", "CLOSED", "2026-03-02T08:45:00Z"));
        });

        var response = call(new ListChannelsHandler(f.channels), HttpEvents.request("GET", "/units/" + f.unit.getId() + "/channels")
                .pathParam("unitId", f.unit.getId()).as(f.mia));
        assertThat(json(response).path("items").get(0).path("name").asText()).isEqualTo("Host calendar");
        assertThat(response.getBody()).doesNotContain("a.ics");
        assertThat(status(() -> f.channels.list(caller(f.olga), f.unit.getId()))).isEqualTo(403);
        assertThat(status(() -> f.channels.list(caller(f.otto), f.unit.getId()))).isEqualTo(404);
    }

    @Test
    void syncNowQueuesTheChannelWithTheTimeItWasAskedAndTheScheduleEveryChannel() {
        Channels.View a = f.channels.connect(caller(f.mia), f.unit.getId(), ical("A", "https://feeds.example.test/a.ics"));
        Channels.View b = f.channels.connect(caller(f.mia), f.unit.getId(), manager(null, "p", "key-key-key"));
        f.clock.set(Instant.parse("2026-03-02T10:00:01Z"));

        Channels.Queued queued = f.channels.syncNow(caller(f.mia), f.unit.getId(), a.channelId());
        assertThat(queued).isEqualTo(new Channels.Queued(a.channelId(), "2026-03-02T10:00:01Z"));
        assertThat(f.queued).containsExactly(new SyncRequests.Message(f.unit.getId(), a.channelId(), "2026-03-02T10:00:01Z"));

        f.queued.clear();
        assertThat(f.channels.queueAll()).isEqualTo(2);
        assertThat(f.queued).containsExactlyInAnyOrder(new SyncRequests.Message(f.unit.getId(), a.channelId(), "2026-03-02T10:00:01Z"),
                new SyncRequests.Message(f.unit.getId(), b.channelId(), "2026-03-02T10:00:01Z"));
    }

    @Test
    void aConnectionNamesWhatIsWrong() {
        assertThat(errors(manager("CM", "prop_1-A", "12345678"))).isEmpty();
        assertThat(errors(manager("CM", "prop 1", "1234567"))).containsExactly("propertyId", "apiKey");
        assertThat(errors(manager("CM", null, null))).containsExactly("propertyId", "apiKey");
        assertThat(errors(manager("n".repeat(101), "p", "k".repeat(512)))).containsExactly("name");
        assertThat(errors(manager(null, "p", "k".repeat(513)))).containsExactly("apiKey");
        assertThat(errors(ical(null, "http://feeds.example.test/a.ics"))).isEmpty();
        assertThat(errors(ical(null, "ftp://feeds.example.test/a.ics"))).containsExactly("feedUrl");
        assertThat(errors(ical(null, "https:///no-host"))).containsExactly("feedUrl");
        assertThat(errors(ical(null, "https://exa mple.test/"))).containsExactly("feedUrl");
        assertThat(errors(ical(null, null))).containsExactly("feedUrl");
        assertThat(errors(ical(null, "https://feeds.example.test/" + "a".repeat(1974)))).hasSize(1);
        assertThat(errors(ical(null, "https://feeds.example.test/" + "a".repeat(1973)))).isEmpty();
        assertThat(errors(new ChannelRequests.Connect(null, "n".repeat(101), null, null, null))).containsExactly("type");
        assertThat(errors(new ChannelRequests.Connect("fax", null, null, null, null))).containsExactly("type");
    }
}
