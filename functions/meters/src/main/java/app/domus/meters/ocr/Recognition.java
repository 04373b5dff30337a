package app.domus.meters.ocr;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What an OCR engine read from a meter photo: the register's value when it read one, how sure it is (0 to 1), and
 * which engine answered.
 */
public record Recognition(Optional<BigDecimal> value, double confidence, String engine, Status status) {
    public enum Status {
        /** A value was read; {@link #confidence()} says how sure the engine is of it. */
        READ,
        /** The engine ran but found no plausible number in the photo: asking again will not help. */
        UNREADABLE,
        /** The engine is not there (not installed, no model): nothing was read, the photo is not to blame. */
        ENGINE_UNAVAILABLE
    }

    public Recognition {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(status, "status");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be within 0..1");
        if (value.isPresent() != (status == Status.READ)) {
            throw new IllegalArgumentException("a value goes with READ, and only with READ");
        }
    }

    /** A value read with the engine's confidence, clamped to 0..1 (engines round beyond their scale at times). */
    public static Recognition read(BigDecimal value, double confidence, String engine) {
        return new Recognition(Optional.of(value), Math.clamp(confidence, 0.0, 1.0), engine, Status.READ);
    }

    public static Recognition unreadable(String engine) {
        return new Recognition(Optional.empty(), 0, engine, Status.UNREADABLE);
    }

    public static Recognition engineUnavailable(String engine) {
        return new Recognition(Optional.empty(), 0, engine, Status.ENGINE_UNAVAILABLE);
    }
}
