package app.domus.rentals;

import app.domus.rentals.channels.CalendarFeeds;
import app.domus.rentals.channels.ChannelCredentials;
import app.domus.rentals.channels.ChannelItem;
import app.domus.rentals.channels.ChannelSource;
import app.domus.rentals.channels.ChannelSync;
import app.domus.rentals.channels.Channels;
import app.domus.rentals.channels.SyncRequests;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.rentals.reservations.Reservations;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.testing.DirectoryWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory world with the rentals services: an organisation with building B (manager Mia, technician Ted) and its
 * unit 1 (owner Olga, tenant Tom), an outsider Otto of another organisation; credentials in memory, the sync queue
 * recorded, channel sources scripted per type.
 */
public class RentalsFixture extends DirectoryWorld {
    public final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();
    public final ChannelCredentials credentials = new ChannelCredentials() {
        @Override
        public void save(String name, Map<String, String> c) {
            secrets.put(name, Map.copyOf(c));
        }

        @Override
        public Map<String, String> read(String name) {
            Map<String, String> c = secrets.get(name);
            if (c == null) throw new IllegalStateException("no secret " + name);
            return c;
        }
    };
    public final List<SyncRequests.Message> queued = new ArrayList<>();
    public final SyncRequests queue = new SyncRequests(null, "queue") {
        @Override
        public void send(List<Message> messages) {
            queued.addAll(messages);
        }
    };
    public final Map<String, ChannelSource> sources = new ConcurrentHashMap<>();
    public final ReservationBook book = new ReservationBook(table, outbox, clock);
    public final Reservations reservations = new Reservations(access, book);
    public final Channels channels = new Channels(table, reservations, credentials, queue, clock);
    public final ChannelSync sync = new ChannelSync(table, book, credentials, Map.of(
            ChannelItem.MANAGER, (channel, c) -> sources.get(ChannelItem.MANAGER).fetch(channel, c),
            ChannelItem.ICAL, (channel, c) -> sources.get(ChannelItem.ICAL).fetch(channel, c)), clock, Duration.ofMillis(1));
    public final CalendarFeeds feeds = new CalendarFeeds(table, reservations, book, clock, "https://api.example.test");

    public final String org = organisation("Estate");
    public final BuildingItem building = building(org, "B");
    public final UnitItem unit = unit(building, "1");
    public final String mia = user("Mia Manager");
    public final String ted = user("Ted Technician");
    public final String olga = user("Olga Owner");
    public final String tom = user("Tom Tenant");
    public final String otto = user("Otto Outsider");

    public RentalsFixture() {
        member(mia, org, Role.MANAGER, building.getId(), null);
        technician(ted, building, "plumbing");
        member(olga, org, Role.OWNER, building.getId(), unit.getId());
        member(tom, org, Role.TENANT, building.getId(), unit.getId());
        String other = organisation("Other estate");
        member(otto, other, Role.MANAGER, building(other, "X").getId(), null);
    }
}
