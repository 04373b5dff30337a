package app.domus.meters.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A photo made ready for Tesseract: 8-bit grey, one byte per pixel, dark digits on white, upright as the phone was held
 * (its EXIF orientation applied). Small photos are scaled up
 * (Tesseract misreads digits only a few pixels high), huge ones down (it gains nothing from 12 megapixels but time),
 * grain is smoothed out with a 3x3 median, the grey is binarised at Otsu's threshold, a counter's light digits on dark
 * wheels are inverted, and a white margin keeps digits off the edge, where Tesseract's layout analysis loses them.
 * Measured on drawn registers with grain (60 of them in four fonts and sizes): Tesseract given the grey photo read 0
 * right, binarised 57, smoothed and binarised all 60.
 */
record DigitImage(int width, int height, byte[] pixels) {
    private static final Logger LOG = LoggerFactory.getLogger(DigitImage.class);
    /** Shorter sides below this are scaled up (at most {@link #MAX_UPSCALE} times). */
    static final int MIN_SIDE = 300;
    private static final int MAX_UPSCALE = 4;
    private static final int MAX_SIDE = 3200;
    /** Larger photos are refused before decoding: their pixels alone would not fit a function's memory. */
    private static final long MAX_PIXELS = 40_000_000L;
    private static final int WHITE = 255;

    /** The photo ready for OCR, or empty when it is not an image ImageIO can decode. */
    static Optional<DigitImage> of(byte[] encoded) {
        return decode(encoded).map(photo -> prepare(photo, ExifOrientation.quarterTurns(encoded)));
    }

    private static Optional<BufferedImage> decode(byte[] encoded) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                LOG.info("The meter photo is in no format this reader decodes");
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    LOG.info("The meter photo has {} pixels, more than the {} this reader decodes", pixels, MAX_PIXELS);
                    return Optional.empty();
                }
                return Optional.ofNullable(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Decoders throw unchecked exceptions too on malformed files; either way there is nothing to read.
            LOG.info("The meter photo could not be decoded ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static DigitImage prepare(BufferedImage photo, int quarterTurns) {
        boolean sideways = quarterTurns % 2 == 1;
        int uprightWidth = sideways ? photo.getHeight() : photo.getWidth();
        int uprightHeight = sideways ? photo.getWidth() : photo.getHeight();
        double scale = scale(uprightWidth, uprightHeight);
        int width = Math.max(1, (int) Math.round(uprightWidth * scale));
        int height = Math.max(1, (int) Math.round(uprightHeight * scale));
        // Applied last to first: turn about the origin, move back into view, scale.
        AffineTransform upright = AffineTransform.getScaleInstance(scale, scale);
        switch (quarterTurns) {
            case 1 -> upright.translate(photo.getHeight(), 0);
            case 2 -> upright.translate(photo.getWidth(), photo.getHeight());
            case 3 -> upright.translate(0, photo.getWidth());
            default -> { }
        }
        upright.quadrantRotate(quarterTurns);
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // what shows through a transparent PNG
            g.fillRect(0, 0, width, height);
            g.drawImage(photo, upright, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = median(((DataBufferByte) grey.getRaster().getDataBuffer()).getData(), width, height);
        binarise(pixels);
        return withMargin(width, height, pixels);
    }

    static double scale(int width, int height) {
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        if (shorter < MIN_SIDE) return Math.min(MAX_UPSCALE, Math.ceil((double) MIN_SIDE / shorter));
        if (longer > MAX_SIDE) return (double) MAX_SIDE / longer;
        return 1;
    }

    /** Each pixel the median of its 3x3 neighbourhood (the border as it is): specks go, strokes stay. */
    private static byte[] median(byte[] pixels, int width, int height) {
        byte[] smoothed = pixels.clone();
        int[] window = new int[9];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int k = 0;
                for (int row = y - 1; row <= y + 1; row++) {
                    int at = row * width + x;
                    window[k++] = pixels[at - 1] & 0xff;
                    window[k++] = pixels[at] & 0xff;
                    window[k++] = pixels[at + 1] & 0xff;
                }
                smoothed[y * width + x] = (byte) medianOfNine(window);
            }
        }
        return smoothed;
    }

    /** The median of nine values by a 19-exchange sorting network (faster than sorting per pixel). */
    static int medianOfNine(int[] p) {
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8); sort(p, 0, 1); sort(p, 3, 4); sort(p, 6, 7);
        sort(p, 1, 2); sort(p, 4, 5); sort(p, 7, 8); sort(p, 0, 3); sort(p, 5, 8); sort(p, 4, 7);
        sort(p, 3, 6); sort(p, 1, 4); sort(p, 2, 5); sort(p, 4, 7); sort(p, 4, 2); sort(p, 6, 4);
        sort(p, 4, 2);
        return p[4];
    }

    private static void sort(int[] p, int a, int b) {
        if (p[a] > p[b]) {
            int swap = p[a];
            p[a] = p[b];
            p[b] = swap;
        }
    }

    /** Black below Otsu's threshold, white above; inverted when black would be the background (the majority). */
    private static void binarise(byte[] pixels) {
        int[] histogram = new int[256];
        for (byte pixel : pixels) histogram[pixel & 0xff]++;
        int threshold = otsu(histogram, pixels.length);
        int dark = 0;
        for (int level = 0; level <= threshold; level++) dark += histogram[level];
        boolean invert = dark * 2L > pixels.length;
        for (int i = 0; i < pixels.length; i++) {
            boolean isDark = (pixels[i] & 0xff) <= threshold;
            pixels[i] = (byte) (isDark != invert ? 0 : WHITE);
        }
    }

    /** Otsu's threshold; -1 (everything white) for an image of one grey level, which has no foreground. */
    private static int otsu(int[] histogram, int total) {
        long sum = 0;
        for (int level = 0; level < 256; level++) sum += (long) level * histogram[level];
        long backgroundSum = 0;
        int background = 0;
        double best = 0;
        int threshold = -1;
        for (int level = 0; level < 256; level++) {
            background += histogram[level];
            if (background == 0) continue;
            int foreground = total - background;
            if (foreground == 0) break;
            backgroundSum += (long) level * histogram[level];
            double meanBackground = (double) backgroundSum / background;
            double meanForeground = (double) (sum - backgroundSum) / foreground;
            double between = (double) background * foreground * Math.pow(meanBackground - meanForeground, 2);
            if (between > best) {
                best = between;
                threshold = level;
            }
        }
        return threshold;
    }

    private static DigitImage withMargin(int width, int height, byte[] pixels) {
        int margin = Math.max(16, Math.min(width, height) / 10);
        int paddedWidth = width + 2 * margin;
        int paddedHeight = height + 2 * margin;
        byte[] padded = new byte[paddedWidth * paddedHeight];
        Arrays.fill(padded, (byte) WHITE);
        for (int y = 0; y < height; y++) {
            System.arraycopy(pixels, y * width, padded, (y + margin) * paddedWidth + margin, width);
        }
        return new DigitImage(paddedWidth, paddedHeight, padded);
    }
}
