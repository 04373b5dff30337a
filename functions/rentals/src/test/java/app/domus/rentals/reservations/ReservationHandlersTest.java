package app.domus.rentals.reservations;

import static app.domus.shared.testing.DirectoryWorld.assertProblem;
import static app.domus.shared.testing.DirectoryWorld.call;
import static app.domus.shared.testing.DirectoryWorld.fieldErrors;
import static app.domus.shared.testing.DirectoryWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.rentals.RentalsFixture;
import app.domus.shared.testing.HttpEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

class ReservationHandlersTest {
    private final RentalsFixture f = new RentalsFixture();
    private final CreateReservationHandler create = new CreateReservationHandler(f.reservations);
    private final ListReservationsHandler list = new ListReservationsHandler(f.reservations);
    private final GetReservationHandler get = new GetReservationHandler(f.reservations);
    private final CancelReservationHandler cancel = new CancelReservationHandler(f.reservations);
    private static final String BODY = """
            {"checkIn":"2026-06-01","checkOut":"2026-06-04","guestName":"Dana Direct","guestEmail":"dana@example.test","guests":2}""";

    private APIGatewayV2HTTPResponse book(String userId, String body) {
        return call(create, HttpEvents.request("POST", "/units/" + f.unit.getId() + "/reservations").pathParam("unitId", f.unit.getId())
                .body(body).as(userId));
    }

    private APIGatewayV2HTTPResponse listAs(String userId) {
        return call(list, HttpEvents.request("GET", "/units/" + f.unit.getId() + "/reservations").pathParam("unitId", f.unit.getId()).as(userId));
    }

    private APIGatewayV2HTTPResponse getAs(String userId, String id) {
        return call(get, HttpEvents.request("GET", "/reservations/" + id).pathParam("reservationId", id).as(userId));
    }

    @Test
    void theManagerBooksDirectlyAndTheManagerAndOwnerReadIt() {
        var response = book(f.mia, BODY);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        String id = json(response).path("reservationId").asText();
        assertThat(json(response).path("channel").asText()).isEqualTo("direct");
        assertThat(f.events.types()).containsExactly(ReservationEvents.CREATED);

        assertThat(json(listAs(f.olga)).path("items").get(0).path("reservationId").asText()).isEqualTo(id);
        assertThat(json(getAs(f.mia, id)).path("guestName").asText()).isEqualTo("Dana Direct");
        assertThat(getAs(f.olga, id).getStatusCode()).isEqualTo(200);
    }

    @Test
    void othersAreRefusedWithoutSeeingAnything() {
        String id = json(book(f.mia, BODY)).path("reservationId").asText();
        f.assertRefusedUnchanged(create, HttpEvents.request("POST", "/units/" + f.unit.getId() + "/reservations")
                .pathParam("unitId", f.unit.getId()).body(BODY).as(f.olga), 403, "forbidden");
        assertProblem(listAs(f.tom), 403, "forbidden");
        assertProblem(listAs(f.ted), 403, "forbidden");
        assertProblem(getAs(f.tom, id), 403, "forbidden");
        assertProblem(listAs(f.otto), 404, "not-found");
        assertProblem(getAs(f.otto, id), 404, "not-found");
        assertProblem(getAs(f.mia, "no-such-reservation"), 404, "not-found");
    }

    @Test
    void badDatesAreA400NamingTheField() {
        var problem = assertProblem(book(f.mia, """
                {"checkIn":"2026-06-04","checkOut":"2026-06-01","guestName":"Dana"}"""), 400, "validation-error");
        assertThat(fieldErrors(problem)).contains("checkOut");
        assertThat(fieldErrors(assertProblem(book(f.mia, """
                {"checkIn":"June 1st","checkOut":"2026-06-01"}"""), 400, "validation-error"))).contains("checkIn", "guestName");
        assertThat(f.book.stays(f.unit.getId())).isEmpty();
    }

    @Test
    void theManagerCancelsADirectBookingOnceAndNobodyElseDoes() {
        String id = json(book(f.mia, BODY)).path("reservationId").asText();
        java.util.function.Function<String, APIGatewayV2HTTPResponse> cancelAs = user -> call(cancel,
                HttpEvents.request("POST", "/reservations/" + id + "/cancellation").pathParam("reservationId", id).as(user));

        assertProblem(cancelAs.apply(f.otto), 404, "not-found");
        assertProblem(cancelAs.apply(f.olga), 403, "forbidden");
        assertThat(f.events.types()).containsExactly(ReservationEvents.CREATED);

        var cancelled = cancelAs.apply(f.mia);
        assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(json(cancelled).path("status").asText()).isEqualTo(ReservationItem.CANCELLED);
        assertThat(f.events.types()).containsExactly(ReservationEvents.CREATED, ReservationEvents.CANCELLED);
        assertThat(json(cancelAs.apply(f.mia)).path("status").asText()).as("again: the cancelled stay").isEqualTo(ReservationItem.CANCELLED);
        assertThat(f.events.ofType(ReservationEvents.CANCELLED)).hasSize(1);
    }
}
