package app.domus.rentals.reservations;

import static app.domus.shared.testing.Refusals.detail;
import static app.domus.shared.testing.Refusals.errors;
import static app.domus.shared.testing.Refusals.status;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.rentals.RentalsFixture;
import app.domus.shared.directory.Role;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reservations as people see them, and the book's own rules: dates, changes, who reads what. */
class ReservationsTest {
    private final RentalsFixture f = new RentalsFixture();
    private final ReservationBook.Source airbnb = new ReservationBook.Source("ch-1", "airbnb");

    private static ReservationRequests.Book request(String in, String out, String guest) {
        return new ReservationRequests.Book(in, out, guest, null, null, null);
    }

    private static ReservationBook.Booking booking(String id, String in, String out) {
        return new ReservationBook.Booking(id, false, LocalDate.parse(in), LocalDate.parse(out), "Ann", "ann@example.test", "+100", 2);
    }

    @Test
    void aDirectBookingIsStoredAsTheManagerTypedItWithTheGuestNameTrimmed() {
        Reservations.View v = f.reservations.book(caller(f.mia), f.unit.getId(), new ReservationRequests.Book("2026-06-01", "2026-06-04",
                "  Dana Direct ", "dana@example.test", "+34600", 3));
        assertThat(v.guestName()).isEqualTo("Dana Direct");
        assertThat(v.checkIn()).isEqualTo("2026-06-01");
        assertThat(v.checkOut()).isEqualTo("2026-06-04");
        assertThat(v.guestEmail()).isEqualTo("dana@example.test");
        assertThat(v.guestPhone()).isEqualTo("+34600");
        assertThat(v.guests()).isEqualTo(3);
        assertThat(v.channel()).isEqualTo("direct");
        assertThat(v.channelId()).isNull();
        assertThat(v.channelReservationId()).isEqualTo(v.reservationId());
        assertThat(v.status()).isEqualTo(ReservationItem.CONFIRMED);
        assertThat(v.overlapsWith()).isEmpty();
        assertThat(v.buildingId()).isEqualTo(f.building.getId());
        assertThat(v.createdAt()).isEqualTo(f.clock.instant().toString());
        assertThat(f.reservations.get(caller(f.olga), v.reservationId())).isEqualTo(v);
        assertThat(status(() -> f.reservations.book(caller(f.olga), f.unit.getId(), request("2026-06-01", "2026-06-04", "X")))).isEqualTo(403);
    }

    @Test
    void theListIsByArrivalAndShowsOverlaps() {
        Reservations.View late = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-07-01", "2026-07-05", "Late"));
        Reservations.View early = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-06-01", "2026-06-04", "Early"));
        Reservations.View clash = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-07-04", "2026-07-06", "Clash"));
        List<Reservations.View> items = f.reservations.list(caller(f.olga), f.unit.getId()).items();
        assertThat(items).extracting(Reservations.View::guestName).containsExactly("Early", "Late", "Clash");
        assertThat(items.get(1).overlapsWith()).containsExactly(clash.reservationId());
        assertThat(items.get(0).overlapsWith()).isEmpty();
        assertThat(early.overlapsWith()).isEmpty();
        assertThat(late.reservationId()).isNotEqualTo(clash.reservationId());
    }

    @Test
    void anAdminOfTheOrganisationReadsAndAManagerOfAnotherBuildingDoesNot() {
        Reservations.View v = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-06-01", "2026-06-04", "Dana"));
        String admin = f.user("Ada Admin");
        f.member(admin, f.org, Role.ORG_ADMIN, null, null);
        assertThat(f.reservations.get(caller(admin), v.reservationId()).guestName()).isEqualTo("Dana");
        assertThat(f.reservations.list(caller(admin), f.unit.getId()).items()).hasSize(1);

        String elsewhere = f.user("Ema Elsewhere");
        var other = f.building(f.org, "C");
        f.member(elsewhere, f.org, Role.MANAGER, other.getId(), null);
        assertThat(status(() -> f.reservations.list(caller(elsewhere), f.unit.getId()))).isIn(403, 404);
        var otherUnit = f.unit(f.building, "2");
        String owner2 = f.user("Oscar Owner");
        f.member(owner2, f.org, Role.OWNER, f.building.getId(), otherUnit.getId());
        assertThat(status(() -> f.reservations.get(caller(owner2), v.reservationId()))).as("an owner of another unit").isEqualTo(403);
        assertThat(detail(() -> f.reservations.list(caller(f.tom), f.unit.getId())))
                .isEqualTo("Only the building's managers and the unit's owners see its reservations");
    }

    @Test
    void aChannelsBookingIsCancelledOnItsChannelNotHere() {
        var applied = f.book.apply(f.unit, airbnb, booking("HM1", "2026-04-01", "2026-04-05"));
        String id = applied.reservation().getId();
        assertThat(status(() -> f.reservations.cancel(caller(f.mia), id))).isEqualTo(409);
        assertThat(detail(() -> f.reservations.cancel(caller(f.mia), id))).startsWith("A booking from airbnb is cancelled on its channel");
        assertThat(f.book.find(id).orElseThrow().getStatus()).isEqualTo(ReservationItem.CONFIRMED);
        assertThat(status(() -> f.reservations.cancel(caller(f.mia), "nope"))).isEqualTo(404);
    }

    @Test
    void aCancellationIsStampedAndFreesTheOverlappingStay() {
        Reservations.View a = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-06-01", "2026-06-04", "A"));
        Reservations.View b = f.reservations.book(caller(f.mia), f.unit.getId(), request("2026-06-03", "2026-06-05", "B"));
        f.clock.advance(Duration.ofHours(1));
        Reservations.View cancelled = f.reservations.cancel(caller(f.mia), b.reservationId());
        assertThat(cancelled.cancelledAt()).isEqualTo(f.clock.instant().toString());
        assertThat(cancelled.updatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(cancelled.overlapsWith()).isEmpty();
        ReservationItem first = f.book.find(a.reservationId()).orElseThrow();
        assertThat(first.getOverlapsWith()).isNull();
        assertThat(first.getUpdatedAt()).isEqualTo(f.clock.instant().toString());
        assertThat(f.book.find(b.reservationId()).orElseThrow().getVersion()).isEqualTo(cancelled == null ? null : 2L);
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.reservations.cancel(caller(f.mia), b.reservationId()).cancelledAt()).as("once").isEqualTo(cancelled.cancelledAt());
    }

    @Test
    void aBookingRequestNamesWhatIsWrong() {
        assertThat(errors(request("2026-06-01", "2026-06-02", "Dana"))).isEmpty();
        assertThat(errors(request("2026-06-01", "2026-06-01", "Dana"))).containsExactly("checkOut");
        assertThat(errors(request("2026-01-01", "2027-01-01", "Dana"))).as("365 nights").isEmpty();
        assertThat(errors(request("2026-01-01", "2027-01-02", "Dana"))).containsExactly("checkOut");
        assertThat(errors(request(null, "2026-06-02", "Dana"))).containsExactly("checkIn");
        assertThat(errors(request("2026-06-01", "06/02/2026", null))).containsExactly("checkOut", "guestName");
        assertThat(errors(new ReservationRequests.Book("2026-06-01", "2026-06-02", "D", "not-mail", "1", 0)))
                .containsExactly("guestEmail", "guestPhone", "guests");
        assertThat(errors(new ReservationRequests.Book("2026-06-01", "2026-06-02", "D", "d@example.test", "123", 50))).isEmpty();
        assertThat(errors(new ReservationRequests.Book("2026-06-01", "2026-06-02", "D", null, null, 51))).containsExactly("guests");
    }

    @Test
    void eachChangedFieldIsNamedAndAStayMustEndAfterItStarts() {
        ReservationItem stored = f.book.apply(f.unit, airbnb, booking("HM2", "2026-04-01", "2026-04-05")).reservation();
        assertThat(ReservationBook.changes(stored, booking("HM2", "2026-04-01", "2026-04-05"))).isEmpty();
        assertThat(ReservationBook.changes(stored, new ReservationBook.Booking("HM2", false, LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-06"), "Bea", null, "+200", 3))).containsExactly("checkOut", "guestName", "guestEmail", "guestPhone", "guests");
        stored.setStatus(ReservationItem.CANCELLED);
        assertThat(ReservationBook.changes(stored, booking("HM2", "2026-04-01", "2026-04-05"))).containsExactly("status");

        assertThatThrownBy(() -> booking("X", "2026-04-05", "2026-04-05")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationBook.Booking("X", false, null, LocalDate.parse("2026-04-05"), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationBook.Booking("X", false, LocalDate.parse("2026-04-05"), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationBook.Booking(null, true, null, null, null, null, null, null)).isInstanceOf(NullPointerException.class);
        assertThat(new ReservationBook.Booking("X", true, null, null, null, null, null, null).cancelled()).isTrue();
    }

    @Test
    void aCancelledBookingTheChannelConfirmsAgainIsReinstated() {
        f.book.apply(f.unit, airbnb, booking("HM3", "2026-04-01", "2026-04-05"));
        f.book.apply(f.unit, airbnb, new ReservationBook.Booking("HM3", true, null, null, null, null, null, null));
        f.events.clear();
        var back = f.book.apply(f.unit, airbnb, booking("HM3", "2026-04-01", "2026-04-05"));
        assertThat(back.outcome()).isEqualTo(ReservationBook.Outcome.CHANGED);
        ReservationItem r = f.book.find(back.reservation().getId()).orElseThrow();
        assertThat(r.getStatus()).isEqualTo(ReservationItem.CONFIRMED);
        assertThat(r.getCancelledAt()).isNull();
        assertThat(f.events.ofType(ReservationEvents.CHANGED).getFirst().payload().path("changes").toString()).isEqualTo("[\"status\"]");
        assertThat(f.book.bookingsOf("ch-1")).singleElement().satisfies(b -> {
            assertThat(b.getExternalId()).isEqualTo("HM3");
            assertThat(b.getReservationId()).isEqualTo(r.getId());
            assertThat(b.getChannelId()).isEqualTo("ch-1");
        });
    }

    @Test
    void overlapsAreNightsThatMeet() {
        ReservationItem base = f.book.apply(f.unit, airbnb, booking("A", "2026-04-10", "2026-04-15")).reservation();
        f.book.apply(f.unit, airbnb, booking("before", "2026-04-05", "2026-04-10"));
        f.book.apply(f.unit, airbnb, booking("after", "2026-04-15", "2026-04-20"));
        assertThat(f.book.find(base.getId()).orElseThrow().getOverlapsWith()).isNull();
        ReservationItem lastNight = f.book.apply(f.unit, airbnb, booking("lastNight", "2026-04-14", "2026-04-15")).reservation();
        ReservationItem firstNight = f.book.apply(f.unit, new ReservationBook.Source("ch-2", "booking"), booking("firstNight", "2026-04-09", "2026-04-11"))
                .reservation();
        assertThat(f.book.find(base.getId()).orElseThrow().getOverlapsWith()).containsExactly(lastNight.getId(), firstNight.getId());
        assertThat(f.book.find(firstNight.getId()).orElseThrow().getOverlapsWith()).hasSize(2);
    }
}
