package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.meters.ocr.Recognition.Status;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecognitionTest {
    @Test
    void aReadingCarriesItsValueAndAConfidenceWithinZeroToOne() {
        assertThat(Recognition.read(new BigDecimal("4217.5"), 0.93, "tesseract"))
                .isEqualTo(new Recognition(Optional.of(new BigDecimal("4217.5")), 0.93, "tesseract", Status.READ));
        assertThat(Recognition.read(BigDecimal.ONE, 1.004, "textract").confidence()).isEqualTo(1.0);
        assertThat(Recognition.read(BigDecimal.ONE, -0.01, "textract").confidence()).isZero();
    }

    @Test
    void withoutAReadingThereIsNoValueAndNoConfidence() {
        assertThat(Recognition.unreadable("textract")).satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.UNREADABLE);
            assertThat(r.value()).isEmpty();
            assertThat(r.confidence()).isZero();
        });
        assertThat(Recognition.engineUnavailable("tesseract").status()).isEqualTo(Status.ENGINE_UNAVAILABLE);
        assertThat(Recognition.engineUnavailable("tesseract").value()).isEmpty();
    }

    @Test
    void aValueWithoutAReadingOrAReadingWithoutAValueIsRefused() {
        assertThatThrownBy(() -> new Recognition(Optional.of(BigDecimal.ONE), 0, "x", Status.ENGINE_UNAVAILABLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recognition(Optional.empty(), 0.5, "x", Status.READ))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Recognition(Optional.empty(), Double.NaN, "x", Status.UNREADABLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
