package app.domus.shared.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Real images (drawn and encoded by the JDK) and things that are not images, as test photos. */
public final class Images {
    private Images() {}

    public static byte[] png() {
        return encode("png");
    }

    public static byte[] jpeg() {
        return encode("jpeg");
    }

    /** A minimal WebP container (the JDK does not write WebP): RIFF header, WEBP mark, a VP8L chunk. */
    public static byte[] webp() {
        byte[] bytes = new byte[40];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        bytes[4] = 32;
        System.arraycopy("WEBPVP8L".getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 8);
        return bytes;
    }

    public static byte[] gif() {
        return encode("gif");
    }

    public static byte[] pdf() {
        return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A file of the given size that starts like a JPEG. */
    public static byte[] jpegOfSize(int size) {
        return Arrays.copyOf(jpeg(), size);
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) throw new IllegalStateException("No writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
