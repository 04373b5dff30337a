package app.domus.meters;

import java.math.BigDecimal;

/**
 * What a meter measures, its unit, and the defaults its readings are checked against: how far an OCR value may be from
 * the submitted one before the reading is flagged (absolute, in the meter's unit), and how many times the meter's usual
 * rate of consumption a reading may show before it counts as a spike.
 */
public enum MeterType {
    COLD_WATER("m3", new BigDecimal("0.5"), 8),
    HOT_WATER("m3", new BigDecimal("0.5"), 8),
    HEAT("kWh", new BigDecimal("5"), 6),
    ELECTRICITY("kWh", new BigDecimal("5"), 10),
    GAS("m3", new BigDecimal("1"), 8);

    private final String unitOfMeasure;
    private final BigDecimal ocrTolerance;
    private final double spikeFactor;

    MeterType(String unitOfMeasure, BigDecimal ocrTolerance, double spikeFactor) {
        this.unitOfMeasure = unitOfMeasure;
        this.ocrTolerance = ocrTolerance;
        this.spikeFactor = spikeFactor;
    }

    public String unitOfMeasure() {
        return unitOfMeasure;
    }

    /** The default largest difference between the OCR value and the submitted one that is not a mismatch. */
    public BigDecimal ocrTolerance() {
        return ocrTolerance;
    }

    public double spikeFactor() {
        return spikeFactor;
    }

    /** The wire name, e.g. {@code cold_water}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
