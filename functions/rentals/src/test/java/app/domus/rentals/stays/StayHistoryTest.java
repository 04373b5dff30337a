package app.domus.rentals.stays;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.reservations.ReservationEvents;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stay's submission history keeps the last twenty steps, oldest first. */
class StayHistoryTest {
    private final StaysFixture w = new StaysFixture();

    @Test
    void theHistoryKeepsTheLastTwentySteps() {
        ReservationEvents.Snapshot r = w.booked(LocalDate.parse("2026-03-10"), 3);
        w.saga.start(r);
        for (int i = 0; i < 11; i++) {
            w.stays.register(caller(w.mia), r.reservationId(), new StayRequests.Registration(null, List.of(StaysFixture.guest("ESP")), null));
            w.saga.resume();
            w.police.reject(w.police.last(), "wrong " + i);
            w.clock.advance(Duration.ofMinutes(5));
            w.saga.resume();
        }
        List<String> history = w.stay(r.reservationId()).getSubmissions();
        assertThat(history).hasSize(20);
        assertThat(history.getFirst()).contains("submitted LOT-2");
        assertThat(history.getLast()).endsWith("rejected LOT-11: wrong 10");
        assertThat(history.get(18)).contains("submitted LOT-11");
    }
}
