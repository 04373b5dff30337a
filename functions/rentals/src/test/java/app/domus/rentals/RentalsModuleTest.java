package app.domus.rentals;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.channels.CalendarFeeds;
import app.domus.rentals.channels.ChannelItem;
import app.domus.rentals.channels.ChannelRequests;
import app.domus.rentals.channels.ChannelSync;
import app.domus.rentals.channels.Channels;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.shared.config.Env;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The context's wiring as the functions get it: the sources per channel type, the feeds' public address. */
class RentalsModuleTest {
    private final RentalsFixture f = new RentalsFixture();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RentalsModuleTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            String body = exchange.getRequestURI().getPath().endsWith(".ics")
                    ? "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nBEGIN:VEVENT\r\nUID:u1@host\r\nDTSTART;VALUE=DATE:20260410\r\n"
                    + "DTEND;VALUE=DATE:20260412\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
                    : "{\"data\":[],\"meta\":{\"page\":1,\"limit\":50,\"total\":0}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void theSyncReadsFeedsAtTheirAddressAndTheChannelManagerAtItsBaseUrl() {
        Channels channels = RentalsModule.channels(f.table, f.reservations, f.credentials, f.queue, f.clock);
        var feed = channels.connect(caller(f.mia), f.unit.getId(), new ChannelRequests.Connect(ChannelItem.ICAL, "Feed", null, null, base() + "/f.ics"));
        var manager = channels.connect(caller(f.mia), f.unit.getId(), new ChannelRequests.Connect(ChannelItem.MANAGER, "CM", "prop-1", "key-12345", null));
        ChannelSync sync = Env.with(Map.of("CHANNEL_MANAGER_BASE_URL", base()), () -> RentalsModule.sync(f.table, f.book, f.credentials, f.clock));

        ChannelSync.Result fromFeed = sync.sync(sync.channel(f.unit.getId(), feed.channelId()).orElseThrow());
        assertThat(fromFeed.status()).isEqualTo("synced");
        assertThat(fromFeed.applied()).isEqualTo(Map.of(ReservationBook.Outcome.CREATED, 1));
        ChannelSync.Result fromManager = sync.sync(sync.channel(f.unit.getId(), manager.channelId()).orElseThrow());
        assertThat(fromManager.status()).as(String.valueOf(fromManager.error())).isEqualTo("synced");
        assertThat(asked).containsExactly("/f.ics", "/api/v1/bookings");
        assertThat(f.book.stays(f.unit.getId())).singleElement().satisfies(r -> assertThat(r.getChannelReservationId()).isEqualTo("u1@host"));
    }

    @Test
    void theUnitsFeedAddressStartsWithThePublicAddress() {
        CalendarFeeds feeds = Env.with(Map.of("JWT_ISSUER", "https://api.example.test//"),
                () -> RentalsModule.calendarFeeds(f.table, f.reservations, f.book, f.clock));
        assertThat(feeds.newToken(caller(f.mia), f.unit.getId()).url()).startsWith("https://api.example.test/units/" + f.unit.getId() + "/calendar.ics?token=");
        CalendarFeeds relative = Env.with(Map.of(), () -> RentalsModule.calendarFeeds(f.table, f.reservations, f.book, f.clock));
        assertThat(relative.newToken(caller(f.mia), f.unit.getId()).url()).startsWith("/units/" + f.unit.getId() + "/calendar.ics?token=");
    }
}
