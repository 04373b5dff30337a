package app.domus.votes.vote;

import java.util.Locale;

/** How much a unit's ballot weighs. */
public enum Weighting {
    /** The unit's share of the building (the sum of its owners' shares). */
    SHARE,
    /** One per unit, whatever its share. */
    UNIT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
