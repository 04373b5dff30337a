package app.domus.rentals.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A host's feed read over HTTP, and the odd events such feeds carry. */
class IcalFeedSourceTest {
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "";
    private final HttpServer server;

    IcalFeedSourceTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            accepts.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Accept"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String calendar(String... events) {
        StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n");
        for (String e : events) s.append("BEGIN:VEVENT\r\n").append(e).append("END:VEVENT\r\n");
        return s.append("END:VCALENDAR\r\n").toString();
    }

    @Test
    void theFeedIsFetchedFromItsAddressAsACalendarAndIsTheWholeCalendar() {
        body = calendar("UID:a@host\r\nDTSTART;VALUE=DATE:20260410\r\nDTEND;VALUE=DATE:20260413\r\nSUMMARY:Reserved\r\n");
        ChannelSource.Fetched fetched = new IcalFeedSource().fetch(new ChannelItem(), Map.of("feedUrl", url("/secret.ics")));
        assertThat(fetched.complete()).isTrue();
        assertThat(fetched.bookings()).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo("ical");
            assertThat(e.booking().externalId()).isEqualTo("a@host");
            assertThat(e.booking().guestName()).isEqualTo("Reserved");
            assertThat(e.booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 13));
        });
        assertThat(accepts).containsExactly("/secret.ics text/calendar");
    }

    @Test
    void aFeedThatFailsOrHasNoAddressIsAChannelError() {
        assertThatThrownBy(() -> new IcalFeedSource().fetch(new ChannelItem(), Map.of())).isInstanceOf(ChannelException.class)
                .hasMessageContaining("no feedUrl");
        status = 404;
        assertThatThrownBy(() -> new IcalFeedSource().fetch(new ChannelItem(), Map.of("feedUrl", url("/gone.ics"))))
                .isInstanceOf(ChannelException.class).hasMessage("127.0.0.1 answered 404");
        status = 500;
        assertThatThrownBy(() -> new HttpFetch().get(java.net.URI.create(url("/broken")), Map.of())).isInstanceOf(ChannelException.class)
                .hasMessage("127.0.0.1 answered 500");
        status = 199 + 100;
        body = "x";
        assertThat(new HttpFetch().get(java.net.URI.create(url("/last-2xx")), Map.of())).isEqualTo("x");
        body = "";
        status = 204;
        assertThat(new HttpFetch(Duration.ofSeconds(2)).get(java.net.URI.create(url("/empty")), Map.of())).isEmpty();
        server.stop(0);
        assertThatThrownBy(() -> new HttpFetch().get(java.net.URI.create(url("/down")), Map.of())).isInstanceOf(ChannelException.class)
                .hasMessageStartingWith("127.0.0.1 could not be reached");
    }

    @Test
    void eventsWithoutUidOrStartAreSkippedAndOddEndsAreOneNight() {
        List<ChannelSource.Fetched.Entry> entries = IcalFeedSource.parse(calendar(
                "DTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260403\r\n",
                "UID:no-start\r\nSUMMARY:x\r\n",
                "UID:no-end\r\nDTSTART;VALUE=DATE:20260405\r\n",
                "UID:backwards\r\nDTSTART;VALUE=DATE:20260410\r\nDTEND;VALUE=DATE:20260409\r\n",
                "UID:same-day\r\nDTSTART;VALUE=DATE:20260412\r\nDTEND;VALUE=DATE:20260412\r\n",
                "UID:timed\r\nDTSTART:20260415T160000Z\r\nDTEND:20260418T100000Z\r\nSTATUS:CONFIRMED\r\n",
                "UID:gone\r\nDTSTART;VALUE=DATE:20260420\r\nDTEND;VALUE=DATE:20260422\r\nSTATUS:cancelled\r\n"));
        assertThat(entries).extracting(e -> e.booking().externalId()).containsExactly("no-end", "backwards", "same-day", "timed", "gone");
        assertThat(entries.get(0).booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(entries.get(1).booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 11));
        assertThat(entries.get(2).booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(entries.get(3).booking().checkIn()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(entries.get(3).booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 18));
        assertThat(entries.get(3).booking().cancelled()).isFalse();
        assertThat(entries.get(3).booking().guestName()).isNull();
        assertThat(entries.get(4).booking().cancelled()).isTrue();
    }
}
