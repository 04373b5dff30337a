package app.domus.rentals.reservations;

import static app.domus.shared.testing.Refusals.detail;
import static app.domus.shared.testing.Refusals.status;
import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A cancellation racing other writers is read again, a few times, then refused. */
class ReservationConflictsTest {
    private final RentalsFixture f = new RentalsFixture();
    private final AtomicInteger races = new AtomicInteger();
    private volatile int losing;
    private final ReservationBook racing = new ReservationBook(f.table, f.outbox, f.clock) {
        @Override
        public ReservationItem cancelDirect(ReservationItem r) {
            if (races.incrementAndGet() <= losing) throw TransactionCanceledException.builder().message("changed").build();
            return super.cancelDirect(r);
        }
    };
    private final Reservations reservations = new Reservations(f.access, racing);

    @Test
    void aCancellationThatLosesTwiceIsReadAgainAndGoesThroughTheThirdTime() {
        var v = reservations.book(caller(f.mia), f.unit.getId(), new ReservationRequests.Book("2026-06-01", "2026-06-03", "Dana", null, null, null));
        losing = 2;
        assertThat(reservations.cancel(caller(f.mia), v.reservationId()).status()).isEqualTo(ReservationItem.CANCELLED);
        assertThat(races).hasValue(3);
    }

    @Test
    void oneThatKeepsLosingIsAConflict() {
        var v = reservations.book(caller(f.mia), f.unit.getId(), new ReservationRequests.Book("2026-06-01", "2026-06-03", "Dana", null, null, null));
        losing = 100;
        assertThat(status(() -> reservations.cancel(caller(f.mia), v.reservationId()))).isEqualTo(409);
        assertThat(races).hasValue(3);
        races.set(0);
        assertThat(detail(() -> reservations.cancel(caller(f.mia), v.reservationId()))).isEqualTo("The reservation kept changing; try again");
        assertThat(f.book.find(v.reservationId()).orElseThrow().getStatus()).isEqualTo(ReservationItem.CONFIRMED);
    }
}
