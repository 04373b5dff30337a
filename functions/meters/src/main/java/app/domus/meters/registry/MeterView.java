package app.domus.meters.registry;

import java.math.BigDecimal;

/** A meter as the API shows it. */
public record MeterView(String meterId, String buildingId, String unitId, String type, String unitOfMeasure, String serialNumber,
                        BigDecimal multiplier, String installedOn, String removedOn, BigDecimal startReading,
                        String replacesMeterId, String replacedByMeterId, BigDecimal ocrTolerance, String status) {

    public static MeterView of(MeterItem m) {
        return new MeterView(m.getId(), m.getBuildingId(), m.getUnitId(), m.getType().toLowerCase(java.util.Locale.ROOT),
                m.getUnitOfMeasure(), m.getSerialNumber(), decimal(m.getMultiplier()), m.getInstalledOn(), m.getRemovedOn(),
                decimal(m.getStartReading()), m.getReplacesMeterId(), m.getReplacedByMeterId(), decimal(m.getOcrTolerance()),
                m.getStatus().toLowerCase(java.util.Locale.ROOT));
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
