package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
    private static final byte[] JPEG = jpeg(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB));

    @Test
    void theOrientationTagSaysHowFarToTurnInEitherByteOrder() {
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.withOrientation(JPEG, 1, false))).isZero();
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.withOrientation(JPEG, 6, false))).isEqualTo(1);
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.withOrientation(JPEG, 3, true))).isEqualTo(2);
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.withOrientation(JPEG, 8, true))).isEqualTo(3);
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.withOrientation(JPEG, 2, true))).as("mirrored").isZero();
    }

    @Test
    void withoutATagOrAJpegThePhotoIsUpright() {
        assertThat(ExifOrientation.quarterTurns(JPEG)).isZero();
        assertThat(ExifOrientation.quarterTurns(DrawnRegisters.blank(8, 8))).as("a PNG").isZero();
        assertThat(ExifOrientation.quarterTurns(new byte[] {(byte) 0xFF, (byte) 0xD8})).isZero();
        byte[] cut = DrawnRegisters.withOrientation(JPEG, 6, false);
        assertThat(ExifOrientation.quarterTurns(Arrays.copyOf(cut, 30))).as("cut inside the EXIF segment").isZero();
    }

    @Test
    void aSidewaysPhotoIsTurnedUprightBeforeReading() {
        // 600 x 300 as the sensor stored it, dark in its top-left corner; held so that it is 300 wide, 600 high.
        BufferedImage sensor = new BufferedImage(600, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 600; x++) sensor.setRGB(x, y, x < 100 && y < 100 ? 0 : Color.WHITE.getRGB());
        }

        DigitImage upright = DigitImage.of(DrawnRegisters.withOrientation(jpeg(sensor), 6, false)).orElseThrow();

        int margin = (upright.width() - 300) / 2;
        assertThat(upright.height() - 2 * margin).isEqualTo(600);
        // Turned clockwise, the sensor's top-left corner is the upright photo's top-right one.
        assertThat(pixel(upright, margin + 300 - 50, margin + 50)).isZero();
        assertThat(pixel(upright, margin + 50, margin + 50)).isEqualTo(255);
    }

    private static int pixel(DigitImage image, int x, int y) {
        return image.pixels()[y * image.width() + x] & 0xff;
    }

    private static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
