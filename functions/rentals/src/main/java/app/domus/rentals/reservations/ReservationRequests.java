package app.domus.rentals.reservations;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The reservation requests' bodies. */
public final class ReservationRequests {
    public static final int MAX_NIGHTS = 365;

    private ReservationRequests() {}

    /** {@code POST /units/{unitId}/reservations}: a direct booking by a manager; dates ISO, check-out after check-in. */
    public record Book(String checkIn, String checkOut, String guestName, String guestEmail, String guestPhone, Integer guests)
            implements Validated {
        @Override
        public void validate(Validator v) {
            LocalDate in = date(v, "checkIn", checkIn);
            LocalDate out = date(v, "checkOut", checkOut);
            if (in != null && out != null) {
                v.check(out.isAfter(in), "checkOut", "must be after checkIn");
                v.check(!out.isAfter(in.plusDays(MAX_NIGHTS)), "checkOut", "a stay is at most " + MAX_NIGHTS + " nights");
            }
            v.text("guestName", guestName, 1, 200, true);
            if (guestEmail != null) v.email("guestEmail", guestEmail);
            v.text("guestPhone", guestPhone, 3, 40, false);
            v.range("guests", guests, 1, 50, false);
        }
    }

    static LocalDate date(Validator v, String field, String value) {
        if (!v.required(field, value)) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.error(field, "must be a date (YYYY-MM-DD)");
            return null;
        }
    }
}
