package app.domus.meters.api;

import app.domus.meters.readings.AnomalyItem;

/** A meter anomaly as the API shows it. */
record AnomalyView(String anomalyId, String meterId, String unitId, String deviceId, String kind, java.math.BigDecimal value, String detail,
                   String readAt, String detectedAt) {
    static AnomalyView of(AnomalyItem a) {
        return new AnomalyView(a.getId(), a.getMeterId(), a.getUnitId(), a.getDeviceId(), a.getKind(), a.getValue() == null ? null : new java.math.BigDecimal(a.getValue()), a.getDetail(),
                a.getReadAt(), a.getDetectedAt());
    }
}
