package app.domus.calendar.events;

import app.domus.shared.access.AccessService;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UnitItem;
import app.domus.shared.persistence.DomusTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other contexts' events put in people's calendars (read from their published payloads, never their classes):
 * <ul>
 *   <li>a stay ({@code ReservationCreated}, {@code ReservationChanged}, {@code ReservationCancelled}): the guest
 *       check-in, a whole day on the check-in date, in the calendars of the building's managers; moved when the stay
 *       moves, removed when it is cancelled;</li>
 *   <li>an owners' vote ({@code VoteCreated}): its closing, half an hour from the end date, in the calendars of the
 *       building's owners.</li>
 * </ul>
 * The entries carry no guest's personal data, since they leave for third-party calendars.
 */
public class CalendarSources {
    private final CalendarBook book;
    private final AccessService access;
    private final DomusTable table;

    public CalendarSources(CalendarBook book, AccessService access, DomusTable table) {
        this.book = book;
        this.access = access;
        this.table = table;
    }

    /** Applies one event's payload; returns how many entries changed. */
    public int apply(JsonNode payload) {
        if (payload.has("reservation")) return reservation(payload.path("reservation"));
        if (payload.hasNonNull("reservationId")) return reservation(payload);
        if (payload.hasNonNull("voteId")) return vote(payload);
        throw new IllegalArgumentException("not a reservation or vote event");
    }

    private int reservation(JsonNode r) {
        String source = "reservation:" + r.path("reservationId").asText() + ":check-in";
        if ("cancelled".equals(r.path("status").asText())) return book.cancel(source);
        LocalDate checkIn = LocalDate.parse(r.path("checkIn").asText());
        String unit = Optional.ofNullable(r.path("unitId").asText(null))
                .flatMap(id -> table.get(UnitItem.class, UnitItem.pk(id), "PROFILE")).map(UnitItem::getNumber).orElse(null);
        String title = "Guest check-in" + (unit == null ? "" : " · unit " + unit);
        String description = "Stay " + r.path("checkIn").asText() + " to " + r.path("checkOut").asText()
                + (r.hasNonNull("guests") ? ", " + r.path("guests").asInt() + " guests" : "") + " (" + r.path("channel").asText("direct") + ")";
        List<String> managers = access.membersOf(r.path("buildingId").asText(), Role.MANAGER).stream().map(MembershipItem::getUserId).distinct().toList();
        return book.put(source, r.path("organisationId").asText(null), managers,
                new CalendarEntry(title, description, checkIn.toString(), checkIn.plusDays(1).toString()));
    }

    private int vote(JsonNode v) {
        String end = v.path("endDate").asText(null);
        if (end == null) return 0;
        Instant closes = end.length() == 10 ? LocalDate.parse(end).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(end);
        String source = "vote:" + v.path("voteId").asText() + ":closes";
        List<String> owners = access.membersOf(v.path("buildingId").asText(), Role.OWNER).stream().map(MembershipItem::getUserId).distinct().toList();
        return book.put(source, v.path("organisationId").asText(null), owners,
                new CalendarEntry("Owners' vote closes", "Cast your ballot in Domus before the vote closes.",
                        closes.minus(Duration.ofMinutes(30)).toString(), closes.toString()));
    }
}
