package app.domus.finance.api;

import app.domus.shared.http.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters of the finance API, refused with a field error when malformed. */
final class Params {
    private Params() {}

    static LocalDate date(String name, String value) {
        try {
            if (value.length() != 10) throw new DateTimeParseException("length", value, 0);
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(name, "must be a date such as 2026-12-01");
        }
    }

    static String id(String name, String value) {
        if (value != null && !value.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.validation(name, "is not a valid identifier");
        return value;
    }
}
