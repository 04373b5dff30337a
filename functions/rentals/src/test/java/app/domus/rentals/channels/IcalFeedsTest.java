package app.domus.rentals.channels;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.RentalsFixture;
import app.domus.rentals.reservations.ReservationBook;
import app.domus.shared.testing.HttpEvents;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcalFeedsTest {
    static final String HOST_FEED = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Airbnb Inc//Hosting Calendar 1.0//EN\r
            BEGIN:VEVENT\r
            DTSTAMP:20260301T120000Z\r
            DTSTART;VALUE=DATE:20260410\r
            DTEND;VALUE=DATE:20260413\r
            SUMMARY:Reserved\r
            UID:1418fb94e984-a@airbnb.com\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTAMP:20260301T120000Z\r
            DTSTART:20260501T150000Z\r
            DTEND:20260503T100000Z\r
            UID:b@booking.com\r
            STATUS:CANCELLED\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTAMP:20260301T120000Z\r
            DTSTART;VALUE=DATE:20260601\r
            SUMMARY:no uid: skipped\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void aHostsFeedGivesItsStaysWithUidsDatesAndCancellations() {
        List<ChannelSource.Fetched.Entry> entries = IcalFeedSource.parse(HOST_FEED);
        assertThat(entries).hasSize(2);
        ReservationBook.Booking first = entries.get(0).booking();
        assertThat(first.externalId()).isEqualTo("1418fb94e984-a@airbnb.com");
        assertThat(first.checkIn()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(first.checkOut()).as("DTEND exclusive").isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(first.cancelled()).isFalse();
        assertThat(entries.get(1).booking().cancelled()).isTrue();
        assertThat(entries.get(1).booking().checkIn()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void somethingElseThanACalendarIsAChannelError() {
        assertThatThrownBy(() -> IcalFeedSource.parse("<html>login</html>")).isInstanceOf(ChannelException.class);
    }

    @Test
    void theUnitsOwnFeedListsItsConfirmedStaysToTheTokenOnlyAndReadsBackWithIcal4j() {
        RentalsFixture f = new RentalsFixture();
        f.book.book(f.unit, new ReservationBook.Booking("direct", false, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 4), "Ann", null, null, 1));
        var cancelled = f.book.apply(f.unit, new ReservationBook.Source("ch", "airbnb"),
                new ReservationBook.Booking("x", false, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), "Bob", null, null, 1)).reservation();
        f.book.apply(f.unit, new ReservationBook.Source("ch", "airbnb"), new ReservationBook.Booking("x", true, null, null, null, null, null, null));

        var created = call(new CreateCalendarFeedHandler(f.feeds), HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).as(f.mia));
        assertThat(created.getStatusCode()).isEqualTo(201);
        String token = json(created).path("token").asText();
        assertThat(json(created).path("url").asText()).isEqualTo("https://api.example.test/units/" + f.unit.getId() + "/calendar.ics?token=" + token);
        assertThat(f.table.get(CalendarFeedItem.class, ChannelItem.pk(f.unit.getId()), CalendarFeedItem.SK).orElseThrow().getTokenHash())
                .hasSize(64).doesNotContain(token);

        var handler = new GetCalendarFeedHandler(f.feeds);
        var feed = call(handler, HttpEvents.request("GET", "/x").pathParam("unitId", f.unit.getId()).query("token", token));
        assertThat(feed.getStatusCode()).isEqualTo(200);
        assertThat(feed.getHeaders().get("Content-Type")).startsWith("text/calendar");
        assertThat(feed.getBody()).doesNotContain("Ann").doesNotContain(cancelled.getId());
        var read = IcalFeedSource.parse(feed.getBody());
        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.booking().checkIn()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(e.booking().checkOut()).isEqualTo(LocalDate.of(2026, 4, 4));
        });

        assertProblem(call(handler, HttpEvents.request("GET", "/x").pathParam("unitId", f.unit.getId()).query("token", token + "x")), 404, "not-found");
        assertProblem(call(handler, HttpEvents.request("GET", "/x").pathParam("unitId", f.unit.getId())), 404, "not-found");
        assertProblem(call(new CreateCalendarFeedHandler(f.feeds), HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId()).as(f.olga)),
                403, "forbidden");
        String newer = json(call(new CreateCalendarFeedHandler(f.feeds), HttpEvents.request("POST", "/x").pathParam("unitId", f.unit.getId())
                .as(f.mia))).path("token").asText();
        assertProblem(call(handler, HttpEvents.request("GET", "/x").pathParam("unitId", f.unit.getId()).query("token", token)), 404, "not-found");
        assertThat(call(handler, HttpEvents.request("GET", "/x").pathParam("unitId", f.unit.getId()).query("token", newer)).getStatusCode()).isEqualTo(200);
    }
}
