package app.domus.tenancy.technicians;

import java.util.Locale;

/**
 * A technician's trade. The names are the fault categories of the faults context, which assigns a reported
 * fault to a technician of the building whose skills include its category.
 */
public enum Skill {
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
}
