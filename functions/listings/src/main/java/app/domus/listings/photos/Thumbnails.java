package app.domus.listings.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails.Builder;

/**
 * The portal's thumbnails of a photo, made with Thumbnailator: turned upright by the photo's EXIF orientation, scaled to
 * each of {@link #WIDTHS} (never enlarged) and re-encoded as JPEG from the pixels alone, so nothing of the original's
 * metadata (EXIF, GPS position, camera, XMP) reaches what is published.
 */
public final class Thumbnails {
    /** The card in search results and the photo on the listing's page. */
    public static final List<Integer> WIDTHS = List.of(320, 1024);
    /** Larger images are refused before they are decoded (a small file can claim a huge canvas). */
    static final long MAX_PIXELS = 50_000_000L;
    private static final double QUALITY = 0.85;

    private Thumbnails() {}

    public record Thumbnail(int width, int height, byte[] jpeg) {
        public String size() { return width + "x" + height; }
    }

    /** Thrown when the bytes are not an image the JDK reads (WebP, a broken file) or it is too large. */
    public static final class UnreadableImage extends Exception {
        public UnreadableImage(String message) { super(message); }
    }

    public static List<Thumbnail> make(byte[] original) throws UnreadableImage {
        checkCanvas(original);
        BufferedImage upright;
        try {
            // scale(1.0) decodes once and applies the EXIF orientation (Thumbnailator's default).
            upright = net.coobird.thumbnailator.Thumbnails.of(new ByteArrayInputStream(original)).scale(1.0).asBufferedImage();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImage("the photo could not be decoded");
        }
        BufferedImage opaque = opaque(upright);
        List<Thumbnail> thumbnails = new ArrayList<>();
        for (int width : WIDTHS) {
            int target = Math.min(width, opaque.getWidth());
            try {
                Builder<BufferedImage> builder = net.coobird.thumbnailator.Thumbnails.of(opaque).width(target)
                        .outputFormat("jpg").outputQuality(QUALITY);
                BufferedImage scaled = builder.asBufferedImage();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                net.coobird.thumbnailator.Thumbnails.of(scaled).scale(1.0).outputFormat("jpg").outputQuality(QUALITY).toOutputStream(out);
                thumbnails.add(new Thumbnail(scaled.getWidth(), scaled.getHeight(), out.toByteArray()));
            } catch (IOException e) {
                throw new UnreadableImage("the photo could not be scaled");
            }
        }
        return thumbnails;
    }

    /** Reads the canvas size from the header only. */
    private static void checkCanvas(byte[] original) throws UnreadableImage {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(original))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw new UnreadableImage("the photo's format cannot be read (JPEG or PNG are)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) throw new UnreadableImage("the photo has more than 50 megapixels");
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableImage("the photo could not be decoded");
        }
    }

    /** JPEG has no alpha: transparent parts of a PNG become white. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) return image;
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Where a thumbnail of a listing's photo is kept. */
    public static String key(String listingId, String photoId, int width) {
        return "listing-media/" + listingId + "/" + photoId + "/" + width + ".jpg";
    }
}
