package app.domus.rentals.reservations;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationBookTest {
    private final RentalsFixture f = new RentalsFixture();
    private final ReservationBook.Source airbnb = new ReservationBook.Source("ch-1", "airbnb");
    private final OverlapAlertsHandler alerts = new OverlapAlertsHandler(f.idempotency, f.access, f.notifications);

    private static ReservationBook.Booking booking(String id, String in, String out, String guest) {
        return new ReservationBook.Booking(id, false, LocalDate.parse(in), LocalDate.parse(out), guest, "g@example.test", null, 2);
    }

    private static ReservationBook.Booking cancelled(String id) {
        return new ReservationBook.Booking(id, true, null, null, null, null, null, null);
    }

    @Test
    void aBookingAppliedTwiceIsOneReservationAndItsChangesAndCancellationEachOneEvent() {
        var created = f.book.apply(f.unit, airbnb, booking("HM1", "2026-04-01", "2026-04-05", "Ann"));
        assertThat(created.outcome()).isEqualTo(ReservationBook.Outcome.CREATED);
        assertThat(f.book.apply(f.unit, airbnb, booking("HM1", "2026-04-01", "2026-04-05", "Ann")).outcome())
                .isEqualTo(ReservationBook.Outcome.UNCHANGED);
        assertThat(f.book.stays(f.unit.getId())).hasSize(1);
        assertThat(f.events.types()).containsExactly(ReservationEvents.CREATED);
        DomainEvent event = f.events.ofType(ReservationEvents.CREATED).getFirst();
        assertThat(event.organisationId()).isEqualTo(f.org);
        ReservationItem stored = f.book.find(created.reservation().getId()).orElseThrow();
        assertThat(stored.getChannel()).isEqualTo("airbnb");
        assertThat(stored.getChannelId()).isEqualTo("ch-1");
        assertThat(stored.getChannelReservationId()).isEqualTo("HM1");

        f.events.clear();
        var changed = f.book.apply(f.unit, airbnb, booking("HM1", "2026-04-02", "2026-04-05", "Ann"));
        assertThat(changed.outcome()).isEqualTo(ReservationBook.Outcome.CHANGED);
        assertThat(f.events.types()).containsExactly(ReservationEvents.CHANGED);
        assertThat(f.events.ofType(ReservationEvents.CHANGED).getFirst().payload().path("changes").toString()).isEqualTo("[\"checkIn\"]");
        assertThat(f.book.find(stored.getId()).orElseThrow().getGsi1sk()).startsWith("2026-04-02#");

        f.events.clear();
        assertThat(f.book.apply(f.unit, airbnb, cancelled("HM1")).outcome()).isEqualTo(ReservationBook.Outcome.CANCELLED);
        assertThat(f.book.apply(f.unit, airbnb, cancelled("HM1")).outcome()).isEqualTo(ReservationBook.Outcome.UNCHANGED);
        assertThat(f.events.types()).containsExactly(ReservationEvents.CANCELLED);
        assertThat(f.book.find(stored.getId()).orElseThrow().getStatus()).isEqualTo(ReservationItem.CANCELLED);
    }

    @Test
    void theSameBookingIdOnAnotherChannelIsAnotherReservationAndAnUnknownCancellationIsIgnored() {
        f.book.apply(f.unit, airbnb, booking("X1", "2026-04-01", "2026-04-03", "Ann"));
        f.book.apply(f.unit, new ReservationBook.Source("ch-2", "booking"), booking("X1", "2026-05-01", "2026-05-03", "Bob"));
        assertThat(f.book.stays(f.unit.getId())).hasSize(2);
        assertThat(f.book.apply(f.unit, airbnb, cancelled("never-seen")).outcome()).isEqualTo(ReservationBook.Outcome.IGNORED);
    }

    @Test
    void anOverlapIsFlaggedOnBothStaysTheManagerIsAlertedOnceAndACancellationClearsTheFlag() {
        var first = f.book.apply(f.unit, airbnb, booking("A", "2026-04-01", "2026-04-05", "Ann")).reservation();
        var adjacent = f.book.apply(f.unit, airbnb, booking("B", "2026-04-05", "2026-04-07", "Ben")).reservation();
        assertThat(f.events.ofType(ReservationEvents.OVERLAP_DETECTED)).as("check-out day is free for the next arrival").isEmpty();
        var second = f.book.apply(f.unit, new ReservationBook.Source("ch-2", "booking"), booking("C", "2026-04-04", "2026-04-06", "Cy")).reservation();

        assertThat(f.book.find(second.getId()).orElseThrow().getOverlapsWith()).containsExactlyInAnyOrder(first.getId(), adjacent.getId());
        assertThat(f.book.find(first.getId()).orElseThrow().getOverlapsWith()).containsExactly(second.getId());
        assertThat(f.book.find(adjacent.getId()).orElseThrow().getOverlapsWith()).containsExactly(second.getId());
        List<DomainEvent> overlaps = f.events.ofType(ReservationEvents.OVERLAP_DETECTED);
        assertThat(overlaps).hasSize(1);

        var batch = SqsEvents.batch(overlaps.getFirst());
        assertThat(SqsEvents.failed(alerts.handleRequest(batch, new TestContext()))).isEmpty();
        assertThat(SqsEvents.failed(alerts.handleRequest(SqsEvents.batch(overlaps.getFirst()), new TestContext()))).isEmpty();
        List<NotificationRequest> sent = f.notifications.ofTemplate(OverlapAlertsHandler.TEMPLATE);
        assertThat(sent).as("one per overlapping pair, to the building's manager, once").hasSize(2)
                .allSatisfy(n -> assertThat(n.userId()).isEqualTo(f.mia));
        assertThat(sent.getFirst().data()).containsEntry("reservationId", second.getId());

        f.book.apply(f.unit, new ReservationBook.Source("ch-2", "booking"), cancelled("C"));
        assertThat(f.book.find(first.getId()).orElseThrow().getOverlapsWith()).isNull();
        assertThat(f.book.find(adjacent.getId()).orElseThrow().getOverlapsWith()).isNull();
    }

    @Test
    void movingAStayOntoAnotherFlagsTheNewOverlapOnly() {
        var first = f.book.apply(f.unit, airbnb, booking("A", "2026-04-01", "2026-04-05", "Ann")).reservation();
        var second = f.book.apply(f.unit, airbnb, booking("B", "2026-04-10", "2026-04-12", "Ben")).reservation();
        assertThat(f.events.ofType(ReservationEvents.OVERLAP_DETECTED)).isEmpty();
        f.book.apply(f.unit, airbnb, booking("B", "2026-04-03", "2026-04-06", "Ben"));
        assertThat(f.events.ofType(ReservationEvents.OVERLAP_DETECTED)).hasSize(1);
        assertThat(f.book.find(first.getId()).orElseThrow().getOverlapsWith()).containsExactly(second.getId());
        f.events.clear();
        f.book.apply(f.unit, airbnb, booking("B", "2026-04-03", "2026-04-07", "Ben"));
        assertThat(f.events.types()).as("still the same overlap: not alerted again").containsExactly(ReservationEvents.CHANGED);
        f.book.apply(f.unit, airbnb, booking("B", "2026-04-20", "2026-04-22", "Ben"));
        assertThat(f.book.find(first.getId()).orElseThrow().getOverlapsWith()).isNull();
    }
}
