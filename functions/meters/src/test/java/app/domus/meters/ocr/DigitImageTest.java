package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class DigitImageTest {
    @Test
    void aSmallPhotoIsScaledUpAndFramedInWhite() {
        DigitImage image = DigitImage.of(DrawnRegisters.blank(100, 40)).orElseThrow();

        // 40 px high: scaled up 4 times (at most), to 400 x 160, then a margin of 16 px on each side.
        assertThat(image.width()).isEqualTo(432);
        assertThat(image.height()).isEqualTo(192);
        assertThat(image.pixels()).hasSize(432 * 192);
    }

    @Test
    void aBlankPhotoStaysWhite() {
        byte[] pixels = DigitImage.of(DrawnRegisters.blank(320, 320)).orElseThrow().pixels();
        assertThat(distinct(pixels)).containsExactly(255);
    }

    @Test
    void lightDigitsOnADarkCounterComeOutDarkOnWhite() {
        DigitImage image = DigitImage.of(DrawnRegisters.lightOnDark("42", java.awt.Font.MONOSPACED, 200)).orElseThrow();

        assertThat(distinct(image.pixels())).containsExactly(0, 255);
        int margin = 16;
        assertThat(image.pixels()[margin * image.width() + margin] & 0xff).as("the counter's dark ground").isEqualTo(255);
        long black = count(image.pixels(), 0);
        assertThat(black).as("digits are the minority").isPositive().isLessThan(image.pixels().length / 2);
    }

    @Test
    void theScaleKeepsTheShorterSideReadableAndTheLongerWithinBounds() {
        assertThat(DigitImage.scale(1000, 75)).isEqualTo(4);
        assertThat(DigitImage.scale(1000, 150)).isEqualTo(2);
        assertThat(DigitImage.scale(1000, 800)).isEqualTo(1);
        assertThat(DigitImage.scale(6400, 4800)).isEqualTo(0.5);
    }

    @Test
    void bytesThatAreNoImageOrAPixelBombAreRefused() {
        assertThat(DigitImage.of("not a photo".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(DigitImage.of(new byte[0])).isEmpty();
        assertThat(DigitImage.of(Arrays.copyOf(DrawnRegisters.blank(50, 50), 40))).as("a truncated PNG").isEmpty();
        assertThat(DigitImage.of(withDimensions(DrawnRegisters.blank(8, 8), 100_000, 100_000))).as("10 gigapixels").isEmpty();
    }

    @Test
    void theSortingNetworkFindsTheMedianOfNine() {
        Random random = new Random(7);
        for (int round = 0; round < 10_000; round++) {
            int[] values = random.ints(9, 0, 256).toArray();
            int[] sorted = values.clone();
            Arrays.sort(sorted);
            assertThat(DigitImage.medianOfNine(values)).isEqualTo(sorted[4]);
        }
    }

    /** The PNG with the width and height its header declares replaced (and the header's checksum fixed). */
    private static byte[] withDimensions(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer.wrap(patched, 16, 8).putInt(width).putInt(height); // IHDR's data starts at byte 16
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 17); // the chunk's type and its 13 bytes of data
        ByteBuffer.wrap(patched, 29, 4).putInt((int) crc.getValue());
        return patched;
    }

    private static int[] distinct(byte[] pixels) {
        int[] levels = new int[256];
        for (byte pixel : pixels) levels[pixel & 0xff]++;
        return java.util.stream.IntStream.range(0, 256).filter(level -> levels[level] > 0).toArray();
    }

    private static long count(byte[] pixels, int level) {
        long n = 0;
        for (byte pixel : pixels) if ((pixel & 0xff) == level) n++;
        return n;
    }
}
