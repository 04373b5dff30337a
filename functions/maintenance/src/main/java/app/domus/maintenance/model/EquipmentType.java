package app.domus.maintenance.model;

/**
 * The kinds of equipment a building's managers keep records of, each with the life after which its failure hazard
 * rises steeply (the synthetic history's scale, and a feature of the model) and the fault category its faults are
 * reported under.
 */
public enum EquipmentType {
    BOILER("boiler", 15, "heating"),
    LIFT("lift", 25, "elevator"),
    PUMP("pump", 12, "plumbing"),
    ROOF("roof", 30, "structural"),
    METER("meter", 10, "electrical");

    private final String wire;
    private final int lifeYears;
    private final String faultCategory;

    EquipmentType(String wire, int lifeYears, String faultCategory) {
        this.wire = wire;
        this.lifeYears = lifeYears;
        this.faultCategory = faultCategory;
    }

    public String wire() {
        return wire;
    }

    public int lifeYears() {
        return lifeYears;
    }

    /** The fault category whose reports count against this kind of equipment in its building. */
    public String faultCategory() {
        return faultCategory;
    }

    public static EquipmentType fromWire(String value) {
        for (EquipmentType t : values()) if (t.wire.equals(value)) return t;
        throw new IllegalArgumentException("No equipment type " + value);
    }
}
