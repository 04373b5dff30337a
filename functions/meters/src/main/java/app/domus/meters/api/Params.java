package app.domus.meters.api;

import app.domus.shared.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters of the meters API, refused with a field error when malformed. */
final class Params {
    private Params() {}

    static Instant instant(String name, String value) {
        try {
            if (value.length() > 40) throw new DateTimeParseException("long", value, 0);
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    static LocalDate date(String name, String value) {
        try {
            if (value.length() != 10) throw new DateTimeParseException("length", value, 0);
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be a date such as 2026-12-01");
        }
    }
}
