package app.domus.shared.directory;

import java.util.Locale;
import java.util.Optional;

/**
 * The trades a fault can need, and so the skills a technician can have ({@link MembershipItem#getSkills()}):
 * automatic assignment matches a fault's category against them.
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
