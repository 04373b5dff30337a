package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.calendar.events.CalendarEntry;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.calendar.events.CalendarEvents;
import app.domus.calendar.feed.IcalFeeds;
import app.domus.shared.http.ApiException;
import app.domus.shared.json.Json;
import app.domus.shared.testing.DirectoryWorld;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** Other contexts' events as calendar entries, and the person's iCal feed read back by ical4j. */
class FeedsAndSourcesTest {
    private final CalendarFixture w = new CalendarFixture();

    private String reservation(String status, String checkIn, String checkOut) {
        return "{\"reservationId\":\"r1\",\"organisationId\":\"" + w.org + "\",\"buildingId\":\"" + w.building.getId() + "\",\"unitId\":\""
                + w.unit.getId() + "\",\"channel\":\"airbnb\",\"status\":\"" + status + "\",\"checkIn\":\"" + checkIn + "\",\"checkOut\":\""
                + checkOut + "\",\"guestName\":\"Ann Lee\",\"guestEmail\":\"ann@example.com\",\"guests\":2}";
    }

    @Test
    void aStayPutsTheCheckInInTheManagersCalendarMovesItAndRemovesItOnce() {
        assertThat(w.sources.apply(Json.tree(reservation("confirmed", "2031-05-01", "2031-05-04")))).isEqualTo(1);
        assertThat(w.sources.apply(Json.tree(reservation("confirmed", "2031-05-01", "2031-05-04")))).as("redelivered").isZero();
        CalendarEventItem entry = w.book.entries(w.mia).getFirst();
        assertThat(entry.getTitle()).isEqualTo("Guest check-in · unit 1");
        assertThat(entry.getStart()).isEqualTo("2031-05-01");
        assertThat(entry.getEnd()).isEqualTo("2031-05-02");
        assertThat(entry.getDescription()).doesNotContain("Ann").doesNotContain("ann@example.com");
        assertThat(w.book.entries(w.olga)).isEmpty();

        w.sources.apply(Json.tree("{\"reservation\":" + reservation("confirmed", "2031-05-02", "2031-05-04") + ",\"changes\":[\"checkIn\"]}"));
        assertThat(w.book.entry(w.mia, entry.getEventId()).orElseThrow().getStart()).isEqualTo("2031-05-02");
        w.sources.apply(Json.tree(reservation("cancelled", "2031-05-02", "2031-05-04")));
        assertThat(w.book.entry(w.mia, entry.getEventId()).orElseThrow().getStatus()).isEqualTo(CalendarEventItem.CANCELLED);
        assertThat(w.events.types()).containsExactly(CalendarEvents.CREATED, CalendarEvents.UPDATED, CalendarEvents.DELETED);
    }

    @Test
    void aVotesClosingGoesToTheBuildingsOwners() {
        w.sources.apply(Json.tree("{\"voteId\":\"v1\",\"organisationId\":\"" + w.org + "\",\"buildingId\":\"" + w.building.getId()
                + "\",\"status\":\"open\",\"startsAt\":\"2031-05-01T10:00:00Z\",\"endDate\":\"2031-05-08T18:00:00Z\"}"));
        assertThat(w.book.entries(w.olga)).singleElement().satisfies(e -> {
            assertThat(e.getStart()).isEqualTo("2031-05-08T17:30:00Z");
            assertThat(e.getEnd()).isEqualTo("2031-05-08T18:00:00Z");
        });
        assertThat(w.book.entries(w.mia)).isEmpty();
    }

    @Test
    void theFeedListsTheConfirmedEntriesForItsTokenOnlyAndIsRevocable() throws Exception {
        w.book.put("s1", w.org, List.of(w.mia), new CalendarEntry("Guest check-in", "Stay", "2031-05-01", "2031-05-02"));
        w.book.put("s2", w.org, List.of(w.mia), new CalendarEntry("Owners' vote closes", null, "2031-05-08T17:30:00Z", "2031-05-08T18:00:00Z"));
        w.book.put("s3", w.org, List.of(w.mia), new CalendarEntry("Cancelled", null, "2031-05-09", "2031-05-10"));
        w.book.cancel("s3");
        w.book.put("s4", w.org, List.of(w.olga), new CalendarEntry("Olga's", null, "2031-05-09", "2031-05-10"));

        IcalFeeds.Feed feed = w.feeds.create(DirectoryWorld.caller(w.mia));
        String token = URI.create(feed.url()).getQuery().substring("token=".length());
        Calendar calendar = new CalendarBuilder().build(new StringReader(w.feeds.feed(feed.feedId(), token)));

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getSummary().getValue()).containsExactlyInAnyOrder("Guest check-in", "Owners' vote closes");
        assertThat(w.table.get(app.domus.calendar.feed.IcalFeedItem.class, app.domus.calendar.feed.IcalFeedItem.pk(feed.feedId()), "FEED")
                .orElseThrow().getTokenHash()).isNotEqualTo(token);
        assertThatThrownBy(() -> w.feeds.feed(feed.feedId(), token + "x")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> w.feeds.revoke(DirectoryWorld.caller(w.olga), feed.feedId())).isInstanceOf(ApiException.class);

        IcalFeeds.Feed second = w.feeds.create(DirectoryWorld.caller(w.mia));
        assertThatThrownBy(() -> w.feeds.feed(feed.feedId(), token)).as("a new feed revokes the old").isInstanceOf(ApiException.class);
        w.feeds.revoke(DirectoryWorld.caller(w.mia), second.feedId());
        String secondToken = URI.create(second.url()).getQuery().substring("token=".length());
        assertThatThrownBy(() -> w.feeds.feed(second.feedId(), secondToken)).isInstanceOf(ApiException.class);
    }
}
