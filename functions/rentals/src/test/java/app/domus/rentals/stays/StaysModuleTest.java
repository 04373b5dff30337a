package app.domus.rentals.stays;

import static app.domus.shared.testing.DirectoryWorld.caller;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.locks.LockGateway;
import app.domus.rentals.locks.NukiLockGateway;
import app.domus.rentals.police.PoliceGateway;
import app.domus.rentals.police.SesHospedajesPoliceGateway;
import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.config.Env;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.LocalDynamo;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stay saga's wiring: its partners and the check-in page the guest is sent to. */
class StaysModuleTest {
    private final StaysFixture w = new StaysFixture();

    @Test
    void thePartnersAreNukiAndSesHospedajes() {
        LockGateway locks = StaysModule.locks(null);
        assertThat(locks).isInstanceOf(NukiLockGateway.class);
        assertThat(locks.acceptsCode("345678")).isTrue();
        assertThat(locks.acceptsCode("123456")).isFalse();
        assertThat(((NukiLockGateway) locks).calls().partner()).isEqualTo("smart-lock");
        PoliceGateway police = StaysModule.police(null);
        assertThat(((SesHospedajesPoliceGateway) police).calls().partner()).isEqualTo("police-portal");
    }

    @Test
    void theSagaSendsTheGuestToTheConfiguredCheckInPageAndTheServiceRunsOnIt() {
        StaySaga saga = Env.with(Map.of("CHECK_IN_URL", "https://stay.example.test/in"),
                () -> StaysModule.saga(w.table, w.outbox, w.locks, w.police, w.documents, w.codes, w.notifications, w.clock));
        ReservationEvents.Snapshot r = w.booked(LocalDate.parse("2026-03-10"), 2);
        saga.start(r);
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE)).singleElement()
                .satisfies(n -> assertThat(n.data()).containsEntry("checkInUrl", "https://stay.example.test/in"));

        Stays stays = StaysModule.stays(w.table, w.access, w.reservations, saga, w.documents, new RateLimiter(LocalDynamo.client(), w.config, w.clock), w.clock);
        assertThat(stays.stay(caller(w.mia), r.reservationId()).lockStatus()).isEqualTo(StaySaga.LOCK_ACTIVE);
        StaySaga unset = Env.with(Map.of(), () -> StaysModule.saga(w.table, w.outbox, w.locks, w.police, w.documents, w.codes, w.notifications, w.clock));
        unset.start(w.booked(LocalDate.parse("2026-04-10"), 2));
        assertThat(w.notifications.ofTemplate(StaySaga.WELCOME_TEMPLATE)).hasSize(2).last()
                .satisfies(n -> assertThat(n.data()).containsEntry("checkInUrl", ""));
    }
}
