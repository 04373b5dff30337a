package app.domus.meters.readings;

import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Bodies of the readings' requests. Values are JSON numbers read exactly. */
public final class ReadingRequests {
    private ReadingRequests() {}

    /**
     * {@code POST /meter-readings}: the value read, when (default: now), and a photo of the register: inline as base64
     * ({@code photo}, a JPEG, PNG or WebP recognised by its bytes, at most 4 MB before encoding) or sent beforehand to
     * S3 through {@code POST /uploads} ({@code photoUploadId}, at most 10 MB), not both.
     */
    public record SubmitReading(String meterId, BigDecimal value, String readAt, String photo, String photoUploadId) implements Validated {
        public SubmitReading(String meterId, BigDecimal value, String readAt, String photo) {
            this(meterId, value, readAt, photo, null);
        }

        @Override
        public void validate(Validator v) {
            v.id("meterId", meterId, true);
            if (v.required("value", value)) decimal(v, "value", value);
            if (readAt != null && instant(readAt) == null) v.error("readAt", "must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
            if (photo != null && photo.isBlank()) v.error("photo", "must be a base64-encoded image, or left out");
            v.id("photoUploadId", photoUploadId, false);
            if (photo != null && photoUploadId != null) v.error("photoUploadId", "give the photo inline or as an upload, not both");
        }

        public Instant readAtInstant() {
            return readAt == null ? null : instant(readAt);
        }
    }

    /** {@code PATCH /meter-readings/{readingId}}: a manager's confirmation (no value) or correction, and why. */
    public record CorrectReading(BigDecimal value, String reason) implements Validated {
        @Override
        public void validate(Validator v) {
            if (value != null) decimal(v, "value", value);
            v.text("reason", reason, 3, 500, true);
        }
    }

    static void decimal(Validator v, String field, BigDecimal value) {
        if (value.signum() < 0) v.error(field, "must not be negative");
        else if (value.precision() - value.scale() > 12 || value.scale() > 6) v.error(field, "must have at most 12 digits before and 6 after the point");
    }

    static Instant instant(String value) {
        if (value.length() > 40) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
