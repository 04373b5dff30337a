package app.domus.tenancy.buildings;

import app.domus.shared.validation.Validator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A postal address as clients send it; {@code country} is an ISO 3166-1 alpha-2 code. */
public record AddressInput(String street, String city, String postalCode, String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern POSTAL_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$");

    void validate(Validator v, String prefix) {
        v.text(prefix + ".street", street, 2, 200, true);
        v.text(prefix + ".city", city, 1, 100, true);
        v.matches(prefix + ".postalCode", postalCode, POSTAL_CODE, "must be 2 to 12 letters, digits, spaces or hyphens", true);
        if (v.required(prefix + ".country", country) && !COUNTRIES.contains(country)) {
            v.error(prefix + ".country", "must be an ISO 3166-1 alpha-2 code in capitals, such as DE");
        }
    }
}
