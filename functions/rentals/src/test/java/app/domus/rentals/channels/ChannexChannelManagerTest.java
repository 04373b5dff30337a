package app.domus.rentals.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.reservations.ReservationBook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Channex-shaped client against a small server that answers as Channex's bookings API does. */
class ChannexChannelManagerTest {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private volatile String pageOne;
    private volatile String pageTwo;
    private volatile int status = 200;
    private final HttpServer server;

    ChannexChannelManagerTest() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/bookings", exchange -> {
            String query = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            requests.add(query);
            keys.add(exchange.getRequestHeaders().getFirst("user-api-key"));
            byte[] body = (query.contains("pagination[page]=2") ? pageTwo : pageOne).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String booking(String id, String status, String ota, String in, String out) {
        return """
                {"type":"booking","id":"%s","attributes":{"id":"%s","property_id":"p-1","status":"%s","ota_name":"%s",
                 "ota_reservation_code":"R-%s","arrival_date":"%s","departure_date":"%s",
                 "customer":{"name":"Ann","surname":"Lee","mail":"ann@example.test","phone":"+100"},"occupancy":{"adults":2,"children":1}}}"""
                .formatted(id, id, status, ota, id, in, out);
    }

    private ChannelSource.Fetched fetch() {
        ChannelItem channel = new ChannelItem();
        channel.setId("ch");
        channel.setPropertyId("p-1");
        return new ChannexChannelManager("http://127.0.0.1:" + server.getAddress().getPort() + "/")
                .fetch(channel, Map.of("apiKey", "key-123"));
    }

    @Test
    void readsEveryPageWithTheKeyAndTheFilterAndMapsBookings() {
        StringBuilder first = new StringBuilder("{\"data\":[");
        for (int i = 0; i < ChannexChannelManager.PAGE_SIZE; i++) {
            if (i > 0) first.append(',');
            first.append(booking("b" + i, "new", "Airbnb", "2026-04-01", "2026-04-03"));
        }
        pageOne = first.append("],\"meta\":{\"page\":1,\"limit\":50,\"total\":51}}").toString();
        pageTwo = "{\"data\":[" + booking("last", "cancelled", "BookingCom", "2026-05-01", "2026-05-02") + "],\"meta\":{\"page\":2,\"limit\":50,\"total\":51}}";

        ChannelSource.Fetched fetched = fetch();
        assertThat(fetched.complete()).isFalse();
        assertThat(fetched.bookings()).hasSize(51);
        assertThat(requests).containsExactly("filter[property_id]=p-1&pagination[page]=1&pagination[limit]=50",
                "filter[property_id]=p-1&pagination[page]=2&pagination[limit]=50");
        assertThat(keys).containsOnly("key-123");
        ChannelSource.Fetched.Entry entry = fetched.bookings().getFirst();
        assertThat(entry.channel()).isEqualTo("airbnb");
        ReservationBook.Booking b = entry.booking();
        assertThat(b.externalId()).isEqualTo("b0");
        assertThat(b.checkIn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(b.guestName()).isEqualTo("Ann Lee");
        assertThat(b.guests()).isEqualTo(3);
        assertThat(fetched.bookings().getLast().channel()).isEqualTo("booking");
        assertThat(fetched.bookings().getLast().booking().cancelled()).isTrue();
    }

    @Test
    void errorsAndWrongAnswersAreChannelErrors() {
        pageOne = "{\"errors\":{\"code\":\"internal\"}}";
        status = 500;
        assertThatThrownBy(this::fetch).isInstanceOf(ChannelException.class).hasMessageContaining("500");
        status = 200;
        pageOne = "<html>maintenance</html>";
        assertThatThrownBy(this::fetch).isInstanceOf(ChannelException.class).hasMessageContaining("no data array");
        pageOne = "{\"data\":[" + booking("x", "tentative", "Airbnb", "2026-04-01", "2026-04-03") + "],\"meta\":{\"total\":1}}";
        assertThatThrownBy(this::fetch).isInstanceOf(ChannelException.class).hasMessageContaining("tentative");
        pageOne = "{\"data\":[" + booking("x", "new", "Airbnb", "2026-04-05", "2026-04-03") + "],\"meta\":{\"total\":1}}";
        assertThatThrownBy(this::fetch).isInstanceOf(ChannelException.class).hasMessageContaining("dates");
    }
}
