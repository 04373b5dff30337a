package app.domus.meters.registry;

import app.domus.meters.MeterType;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Bodies of the meter registry's requests. Decimals travel as JSON numbers and are read exactly (BigDecimal, never a double). */
public final class MeterRequests {
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/-]{0,63}");

    private MeterRequests() {}

    /** {@code POST /meters}: a unit's meter, or a common one of a building (no unitId, a buildingId). */
    public record CreateMeter(String unitId, String buildingId, String type, String serialNumber, BigDecimal multiplier,
                              String installedOn, BigDecimal startReading, BigDecimal ocrTolerance) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("unitId", unitId, false);
            v.id("buildingId", buildingId, false);
            if (unitId == null && buildingId == null) v.error("unitId", "give a unitId, or a buildingId for a common meter");
            if (unitId != null && buildingId != null) v.error("buildingId", "give either a unitId or a buildingId, not both");
            v.oneOf("type", type, MeterType.class, true);
            v.matches("serialNumber", serialNumber, SERIAL, "must be 1-64 letters, digits, spaces or . _ / -", true);
            positive(v, "multiplier", multiplier, false);
            date(v, "installedOn", installedOn, false);
            notNegative(v, "startReading", startReading, false);
            notNegative(v, "ocrTolerance", ocrTolerance, false);
        }

        public MeterType meterType() { return MeterType.valueOf(type.toUpperCase(java.util.Locale.ROOT)); }
    }

    /** {@code POST /meters/{meterId}/replacement}: the new meter, from the day the old one is removed. */
    public record ReplaceMeter(String serialNumber, String replacedOn, BigDecimal finalReading, BigDecimal startReading,
                               BigDecimal multiplier) implements Validated {
        @Override
        public void validate(Validator v) {
            v.matches("serialNumber", serialNumber, SERIAL, "must be 1-64 letters, digits, spaces or . _ / -", true);
            if (v.required("replacedOn", replacedOn)) date(v, "replacedOn", replacedOn, true);
            notNegative(v, "finalReading", finalReading, false);
            notNegative(v, "startReading", startReading, false);
            positive(v, "multiplier", multiplier, false);
        }
    }

    /** {@code POST /meters/{meterId}/retirement}. */
    public record RetireMeter(String removedOn, BigDecimal finalReading) implements Validated {
        @Override
        public void validate(Validator v) {
            if (v.required("removedOn", removedOn)) date(v, "removedOn", removedOn, true);
            notNegative(v, "finalReading", finalReading, false);
        }
    }

    static void date(Validator v, String field, String value, boolean required) {
        if (value == null) {
            if (required) v.error(field, "is required");
            return;
        }
        try {
            if (value.length() != 10) throw new DateTimeParseException("length", value, 0);
            LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.error(field, "must be a date such as 2026-12-01");
        }
    }

    static void notNegative(Validator v, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) v.error(field, "is required");
            return;
        }
        if (value.signum() < 0) v.error(field, "must not be negative");
        else if (value.precision() - value.scale() > 12 || value.scale() > 6) v.error(field, "must have at most 12 digits before and 6 after the point");
    }

    static void positive(Validator v, String field, BigDecimal value, boolean required) {
        notNegative(v, field, value, required);
        if (value != null && value.signum() == 0) v.error(field, "must be more than zero");
    }
}
