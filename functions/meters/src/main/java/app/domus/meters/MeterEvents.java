package app.domus.meters;

import java.util.List;

/**
 * The meters context's events (their payloads are the contract with the other contexts; see {@code events/}). The
 * readings' events name the meter's type ({@code cold_water}, ...) and unit of measure, so that a consumer (finance's
 * billing of consumption) needs no other read of the meter.
 */
public final class MeterEvents {
    /** A reading by hand with a photo: the OCR consumer reads the photo and compares. */
    public static final String READING_SUBMITTED = "MeterReadingSubmitted";
    /** A smart meter's reading was stored. */
    public static final String READING_RECEIVED = "MeterReadingReceived";
    public static final String READING_FLAGGED = "MeterReadingFlagged";
    public static final String READING_CORRECTED = "MeterReadingCorrected";
    public static final String ANOMALY_DETECTED = "MeterAnomalyDetected";

    private MeterEvents() {}

    public record ReadingSubmitted(String readingId, String meterId, String organisationId, String buildingId, String unitId,
                                   String value, String readAt, String photoKey, String meterType, String unitOfMeasure) {}

    public record ReadingReceived(String readingId, String meterId, String deviceId, String organisationId, String buildingId,
                                  String unitId, String value, String readAt, String meterType, String unitOfMeasure) {}

    public record ReadingFlagged(String readingId, String meterId, String organisationId, String buildingId, String unitId,
                                 String value, String ocrValue, List<String> reasons, String readAt, String meterType, String unitOfMeasure) {}

    public record ReadingCorrected(String readingId, String meterId, String organisationId, String buildingId, String unitId,
                                   String previousValue, String value, String correctedBy, String reason, String meterType, String unitOfMeasure) {}

    public record AnomalyDetected(String anomalyId, String meterId, String deviceId, String organisationId, String buildingId,
                                  String unitId, String kind, String value, String detail, String readAt) {}
}
