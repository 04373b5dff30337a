package app.domus.meters.readings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** A reading as the API shows it. */
public record ReadingView(String readingId, String meterId, String readAt, BigDecimal value, String source, String status,
                          BigDecimal ocrValue, Double ocrConfidence, String ocrEngine, List<String> flags, BigDecimal consumption,
                          BigDecimal correctedValue, String correctedBy, String correctionReason, String deviceId) {

    public static ReadingView of(ReadingItem r) {
        return new ReadingView(r.getId(), r.getMeterId(), r.getReadAt(), decimal(r.getValue()), r.getSource().toLowerCase(Locale.ROOT),
                r.getStatus().toLowerCase(Locale.ROOT), decimal(r.getOcrValue()), r.getOcrConfidence(), r.getOcrEngine(),
                r.getFlags() == null ? List.of() : r.getFlags(), decimal(r.getConsumption()), decimal(r.getCorrectedValue()),
                r.getCorrectedBy(), r.getCorrectionReason(), r.getDeviceId());
    }

    static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
