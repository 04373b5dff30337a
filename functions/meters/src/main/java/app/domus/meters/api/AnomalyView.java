package app.domus.meters.api;

import app.domus.meters.readings.AnomalyItem;

/** A meter anomaly as the API shows it. */
record AnomalyView(String anomalyId, String meterId, String unitId, String deviceId, String kind, String value, String detail,
                   String readAt, String detectedAt) {
    static AnomalyView of(AnomalyItem a) {
        return new AnomalyView(a.getId(), a.getMeterId(), a.getUnitId(), a.getDeviceId(), a.getKind(), a.getValue(), a.getDetail(),
                a.getReadAt(), a.getDetectedAt());
    }
}
