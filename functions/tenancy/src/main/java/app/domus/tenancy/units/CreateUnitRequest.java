package app.domus.tenancy.units;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.util.regex.Pattern;

/** Body of {@code POST /buildings/{buildingId}/units}. */
public record CreateUnitRequest(String number, Integer floor, Double areaSquareMetres) implements Validated {
    private static final Pattern NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ./-]{0,15}$");

    @Override
    public void validate(Validator v) {
        v.matches("number", number == null ? null : number.strip(), NUMBER, "must be 1 to 16 letters, digits, spaces, '.', '/' or '-'", true);
        v.range("floor", floor, -10, 300, false);
        v.check(areaSquareMetres == null || (areaSquareMetres > 0 && areaSquareMetres <= 100_000),
                "areaSquareMetres", "must be more than 0 and at most 100000");
    }
}
