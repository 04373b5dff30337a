package app.domus.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.calendar.events.CalendarEntry;
import app.domus.calendar.events.CalendarEventItem;
import app.domus.calendar.events.CalendarEvents;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A source's entries in each person's book: made once, revised on a change, cancelled, each change an event. */
class CalendarBookTest {
    private final CalendarFixture w = new CalendarFixture();
    private final CalendarEntry stay = new CalendarEntry("Guest check-in", "Stay of 2 nights", "2031-05-01", "2031-05-03");

    @Test
    void anEntryIsMadeForItsSourceAndOrganisationAtRevisionOne() {
        assertThat(w.book.put("reservation:R1", w.org, List.of(w.mia, w.olga), stay)).isEqualTo(2);

        assertThat(w.book.entries(w.mia)).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo("reservation:R1");
            assertThat(e.getOrganisationId()).isEqualTo(w.org);
            assertThat(e.getUserId()).isEqualTo(w.mia);
            assertThat(e.getRevision()).isEqualTo(1L);
            assertThat(e.getStatus()).isEqualTo(CalendarEventItem.CONFIRMED);
            assertThat(e.getUpdatedAt()).isEqualTo(w.clock.instant().toString());
            assertThat(CalendarEntry.of(e)).isEqualTo(stay);
        });
        assertThat(w.events.ofType(CalendarEvents.CREATED)).hasSize(2)
                .allSatisfy(event -> assertThat(event.organisationId()).isEqualTo(w.org));
    }

    @Test
    void aChangeRevisesTheEntryOnceAndTheSameEntryAgainChangesNothing() {
        w.book.put("reservation:R2", w.org, List.of(w.mia), stay);
        w.clock.advance(Duration.ofMinutes(3));
        CalendarEntry later = new CalendarEntry(stay.title(), stay.description(), "2031-05-02", "2031-05-04");

        assertThat(w.book.put("reservation:R2", w.org, List.of(w.mia), later)).isEqualTo(1);
        assertThat(w.book.put("reservation:R2", w.org, List.of(w.mia), later)).as("unchanged").isZero();
        assertThat(w.book.put("reservation:R2", w.org, List.of(w.mia),
                new CalendarEntry(later.title(), "  ", later.start(), later.end()))).as("a blank description is none").isOne();

        CalendarEventItem entry = w.book.entries(w.mia).getFirst();
        assertThat(entry.getRevision()).isEqualTo(3L);
        assertThat(entry.getStart()).isEqualTo("2031-05-02");
        assertThat(entry.getUpdatedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(w.events.ofType(CalendarEvents.UPDATED)).hasSize(2);
    }

    @Test
    void cancellingTheSourceCancelsEveryonesEntryOnceWithANewRevision() {
        w.book.put("reservation:R3", w.org, List.of(w.mia, w.olga), stay);
        w.book.put("reservation:R4", w.org, List.of(w.mia), stay);
        w.clock.advance(Duration.ofHours(1));

        assertThat(w.book.cancel("reservation:R3")).isEqualTo(2);
        assertThat(w.book.cancel("reservation:R3")).as("already cancelled").isZero();

        CalendarEventItem cancelled = w.book.entries(w.olga).getFirst();
        assertThat(cancelled.getStatus()).isEqualTo(CalendarEventItem.CANCELLED);
        assertThat(cancelled.getRevision()).isEqualTo(2L);
        assertThat(cancelled.getUpdatedAt()).isEqualTo(w.clock.instant().toString());
        assertThat(w.book.entries(w.mia)).extracting(CalendarEventItem::getSource, CalendarEventItem::getStatus)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("reservation:R3", CalendarEventItem.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple("reservation:R4", CalendarEventItem.CONFIRMED));
        assertThat(w.events.ofType(CalendarEvents.DELETED)).hasSize(2);
    }
}
