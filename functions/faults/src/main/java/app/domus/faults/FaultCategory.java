package app.domus.faults;

import java.util.Locale;
import java.util.Optional;

/**
 * The trades a fault can need. Technicians' skills (the tenancy module's {@code Skill}) use the same names,
 * which is what automatic assignment matches on.
 */
public enum FaultCategory {
    PLUMBING,
    ELECTRICAL,
    HEATING,
    ELEVATOR,
    STRUCTURAL,
    DOORS_WINDOWS,
    CLEANING,
    OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaultCategory> parse(String value) {
        if (value == null) return Optional.empty();
        for (FaultCategory c : values()) {
            if (c.name().equalsIgnoreCase(value.strip())) return Optional.of(c);
        }
        return Optional.empty();
    }
}
