package app.domus.rentals.stays;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.reservations.ReservationEvents;
import app.domus.shared.testing.HttpEvents;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StayHandlersTest {
    private final StaysFixture w = new StaysFixture();

    @Test
    void checkInAnswersProblemsForBadBodiesAndWrongCodesAndTheCodeForTheRightOne() {
        ReservationEvents.Snapshot r = w.booked(LocalDate.parse("2026-03-10"), 2);
        w.saga.start(r);
        CheckInHandler handler = new CheckInHandler(w.stays);

        assertProblem(call(handler, HttpEvents.request("POST", "/check-in").body("{\"reservationId\":\"x y\"}")), 400, "validation-error");
        assertProblem(call(handler, HttpEvents.request("POST", "/check-in").body("{not json")), 400, "malformed-json");
        assertProblem(call(handler, HttpEvents.request("POST", "/check-in")
                .body("{\"reservationId\":\"" + r.reservationId() + "\",\"accessCode\":\"AAAA-AAAA\"}")), 401, "invalid-access-code");

        w.clock.set(Instant.parse("2026-03-10T14:30:00Z"));
        var ok = call(handler, HttpEvents.request("POST", "/check-in").sourceIp("192.0.2.7")
                .body("{\"reservationId\":\"" + r.reservationId() + "\",\"accessCode\":\"" + w.accessCodeSent(r.reservationId()) + "\"}"));
        assertThat(ok.getStatusCode()).isEqualTo(200);
        assertThat(json(ok).path("lockCode").asText()).isEqualTo(w.locks.on(StaysFixture.LOCK).get(r.reservationId()).code());
        assertThat(json(ok).path("wifiInfo").path("network").asText()).isEqualTo("Casa-1");
    }

    @Test
    void theSetUpIsTheManagersAndItsWifiPasswordIsNeverShown() {
        PutRentalSetupHandler put = new PutRentalSetupHandler(w.stays);
        GetRentalSetupHandler get = new GetRentalSetupHandler(w.stays);
        String body = "{\"lockId\":\"L2\",\"checkInTime\":\"16:00\",\"checkOutTime\":\"10:00\",\"timeZone\":\"Europe/Madrid\",\"wifiPassword\":\"pw\"}";
        String unit = w.unit.getId();

        assertProblem(call(put, HttpEvents.request("PUT", "/units/" + unit + "/rental-setup").pathParam("unitId", unit).as(w.otto).body(body)), 404, "not-found");
        assertProblem(call(put, HttpEvents.request("PUT", "/units/" + unit + "/rental-setup").pathParam("unitId", unit).as(w.olga).body(body)), 403, "forbidden");
        assertProblem(call(put, HttpEvents.request("PUT", "/units/" + unit + "/rental-setup").pathParam("unitId", unit).as(w.mia)
                .body("{\"checkInTime\":\"25:00\",\"checkOutTime\":\"10:00\",\"timeZone\":\"Mars/Olympus\"}")), 400, "validation-error");
        assertThat(call(put, HttpEvents.request("PUT", "/units/" + unit + "/rental-setup").pathParam("unitId", unit).as(w.mia).body(body))
                .getStatusCode()).isEqualTo(200);

        var read = call(get, HttpEvents.request("GET", "/units/" + unit + "/rental-setup").pathParam("unitId", unit).as(w.olga));
        assertThat(json(read).path("lockId").asText()).isEqualTo("L2");
        assertThat(json(read).path("wifiPasswordSet").asBoolean()).isTrue();
        assertThat(read.getBody()).doesNotContain("\"pw\"");
    }
}
