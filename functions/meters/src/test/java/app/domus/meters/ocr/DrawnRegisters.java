package app.domus.meters.ocr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos of a meter's register drawn with Java2D, encoded as PNG. A test that draws digits is skipped (saying why)
 * where no font is installed.
 */
final class DrawnRegisters {
    private DrawnRegisters() {}

    /** Skips the calling test where Java2D has no font to draw digits with (a bare container may have none). */
    private static void assumeFonts() {
        assumeTrue(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames().length > 0,
                "no fonts are installed to draw the test's digits with (install fonts-dejavu-core)");
    }

    static byte[] digits(String text, String font, int size) {
        return png(draw(text, new Font(font, Font.PLAIN, size), Color.BLACK, Color.WHITE));
    }

    /** Light digits on a dark counter, as mechanical registers show them. */
    static byte[] lightOnDark(String text, String font, int size) {
        return png(draw(text, new Font(font, Font.PLAIN, size), new Color(235, 235, 235), new Color(25, 25, 25)));
    }

    /** Grey digits on a grey ground with noise on every pixel: a dim, grainy photo. */
    static byte[] greyAndNoisy(String text, String font, int size, long seed) {
        BufferedImage image = draw(text, new Font(font, Font.PLAIN, size), new Color(70, 70, 70), new Color(175, 175, 175));
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int grey = (image.getRGB(x, y) & 0xff) + (int) Math.round(random.nextGaussian() * 18);
                grey = Math.clamp(grey, 0, 255);
                image.setRGB(x, y, new Color(grey, grey, grey).getRGB());
            }
        }
        return png(image);
    }

    /** Several lines of text, one under the other, black on white. */
    static byte[] lines(String font, int size, String... lines) {
        assumeFonts();
        Font face = new Font(font, Font.PLAIN, size);
        int lineHeight = size * 3 / 2;
        int width = size * 12;
        BufferedImage image = new BufferedImage(width, lineHeight * (lines.length + 1), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(face);
        for (int i = 0; i < lines.length; i++) g.drawString(lines[i], size, lineHeight * (i + 1));
        g.dispose();
        return png(image);
    }

    /**
     * A phone's JPEG of the register held upright with the sensor on its side: the pixels turned a quarter
     * anticlockwise, and EXIF orientation 6 (turn clockwise to view) saying so.
     */
    static byte[] heldSideways(String text, String font, int size) {
        BufferedImage upright = draw(text, new Font(font, Font.PLAIN, size), Color.BLACK, Color.WHITE);
        BufferedImage sensor = new BufferedImage(upright.getHeight(), upright.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < upright.getHeight(); y++) {
            for (int x = 0; x < upright.getWidth(); x++) sensor.setRGB(y, upright.getWidth() - 1 - x, upright.getRGB(x, y));
        }
        return withOrientation(encode(sensor, "jpeg"), 6, false);
    }

    /** {@code jpeg} with an EXIF segment (in either byte order) holding only an orientation tag, right after SOI. */
    static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put((byte) (littleEndian ? 'I' : 'M')).put((byte) (littleEndian ? 'I' : 'M')).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1); // one entry in IFD0
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer segment = ByteBuffer.allocate(4 + exif.length + tiff.capacity());
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length + tiff.capacity())).put(exif).put(tiff.array());
        byte[] out = new byte[jpeg.length + segment.capacity()];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment.array(), 0, out, 2, segment.capacity());
        System.arraycopy(jpeg, 2, out, 2 + segment.capacity(), jpeg.length - 2);
        return out;
    }

    static byte[] blank(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return png(image);
    }

    private static BufferedImage draw(String text, Font font, Color ink, Color paper) {
        assumeFonts();
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        int width = metrics.stringWidth(text) + font.getSize();
        int height = metrics.getHeight() + font.getSize() / 2;
        measure.dispose();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(paper);
        g.fillRect(0, 0, width, height);
        g.setColor(ink);
        g.setFont(font);
        g.drawString(text, font.getSize() / 2, font.getSize() / 4 + metrics.getAscent());
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
