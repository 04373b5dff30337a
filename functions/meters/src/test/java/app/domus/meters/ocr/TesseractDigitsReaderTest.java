package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.domus.meters.ocr.Recognition.Status;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tesseract on drawn meter registers. The tests that need the engine skip (and say why) where it is not installed;
 * {@code scripts/install-ocr}, which {@code .ci/run} calls, installs it on Debian.
 */
class TesseractDigitsReaderTest {
    /** Below this, a clean drawn register is misread often enough for a reading to need a person's check. */
    private static final double CONFIDENT = 0.80;
    private static final TesseractDigitsReader READER = new TesseractDigitsReader(Path.of(TesseractDigitsReader.DEBIAN_TESSDATA));

    /** Per test, not per class: each one then shows as skipped, with the reason, rather than vanishing from the count. */
    @BeforeEach
    void engineIsInstalled() {
        assumeTrue(READER.available(), "tesseract-ocr is not installed: no libtesseract.so.5 or no "
                + TesseractDigitsReader.DEBIAN_TESSDATA + "/eng.traineddata (run scripts/install-ocr)");
    }

    @Test
    void readsADecimalRegisterInAMonospacedFont() {
        Recognition recognition = READER.read(DrawnRegisters.digits("004217.5", Font.MONO, 72));

        assertRead(recognition, "4217.5");
    }

    @Test
    void readsAWholeNumberInASansSerifFont() {
        assertRead(READER.read(DrawnRegisters.digits("12345", Font.SANS, 64)), "12345");
    }

    @Test
    void readsSmallDigitsByScalingThemUp() {
        assertRead(READER.read(DrawnRegisters.digits("0815", Font.SANS, 14)), "815");
    }

    @Test
    void readsADimGrainyPhoto() {
        assertRead(READER.read(DrawnRegisters.greyAndNoisy("004217.5", Font.MONO, 72, 42)), "4217.5");
    }

    @Test
    void readsGrainyPhotosOfRegistersInSeveralFontsAndSizes() {
        String[][] registers = {
                {"004217.5", Font.MONO, "72"}, {"38104", Font.SANS, "40"}, {"0096513", Font.SERIF, "30"}, {"52817", Font.MONO, "18"}};
        List<Double> confidences = new ArrayList<>();
        for (String[] register : registers) {
            for (long seed = 1; seed <= 5; seed++) {
                byte[] photo = DrawnRegisters.greyAndNoisy(register[0], register[1], Integer.parseInt(register[2]), seed);
                Recognition recognition = READER.read(photo);
                assertThat(recognition.value()).as("%s, grain %d: %s", register[0], seed, recognition)
                        .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(register[0]));
                confidences.add(recognition.confidence());
            }
        }
        // Grain costs a digit's confidence now and then (down to about 0.4), not the typical reading's.
        Collections.sort(confidences);
        assertThat(confidences.get(confidences.size() / 2)).as("median confidence of %s", confidences).isGreaterThan(CONFIDENT);
    }

    @Test
    void theRegisterIsTheLongestNumberOnThePhoto() {
        assertRead(READER.read(DrawnRegisters.lines(Font.SANS, 56, "2019", "0031870", "15")), "31870");
    }

    @Test
    void readsAPhoneJpegTakenSidewaysByItsExifOrientation() {
        assertRead(READER.read(DrawnRegisters.heldSideways("004217.5", Font.SANS, 64)), "4217.5");
    }

    @Test
    void readsLightDigitsOnADarkCounter() {
        assertRead(READER.read(DrawnRegisters.lightOnDark("738291", Font.MONO, 64)), "738291");
    }

    @Test
    void takesACommaForTheDecimalSeparatorAndIgnoresTheGapsBetweenWheels() {
        assertRead(READER.read(DrawnRegisters.digits("0 4 2 1 7,5", Font.MONO, 64)), "4217.5");
    }

    @Test
    void aBlankPhotoIsUnreadable() {
        assertThat(READER.read(DrawnRegisters.blank(640, 200))).isEqualTo(Recognition.unreadable("tesseract"));
    }

    @Test
    void bytesThatAreNoImageAreUnreadable() {
        assertThat(READER.read("not a photo".getBytes(StandardCharsets.UTF_8))).isEqualTo(Recognition.unreadable("tesseract"));
    }

    private static void assertRead(Recognition recognition, String expected) {
        assertThat(recognition.status()).as("%s", recognition).isEqualTo(Status.READ);
        assertThat(recognition.value()).as("%s", recognition).hasValueSatisfying(
                value -> assertThat(value).isEqualByComparingTo(new BigDecimal(expected)));
        assertThat(recognition.confidence()).as("%s", recognition).isGreaterThan(CONFIDENT).isLessThanOrEqualTo(1.0);
        assertThat(recognition.engine()).isEqualTo("tesseract");
    }

    /** Java2D's logical font names, which map to an installed font wherever any is installed. */
    private static final class Font {
        static final String MONO = java.awt.Font.MONOSPACED;
        static final String SANS = java.awt.Font.SANS_SERIF;
        static final String SERIF = java.awt.Font.SERIF;
    }
}
