package app.domus.listings.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.domus.listings.ListingsFixture;
import app.domus.shared.testing.Images;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    @Test
    void aRotatedPhotoIsTurnedUprightScaledToEachWidthAndPublishedWithoutItsMetadata() throws Exception {
        byte[] original = ListingsFixture.rotatedPhotoWithLocation();
        assertThat(contains(original, "DomusCam")).as("the fixture carries a camera make").isTrue();

        List<Thumbnails.Thumbnail> thumbnails = Thumbnails.make(original);

        // Stored 1600 × 1200 with orientation 6: upright it is 1200 wide and 1600 high.
        assertThat(thumbnails).extracting(Thumbnails.Thumbnail::size).containsExactly("320x427", "1024x1365");
        for (Thumbnails.Thumbnail thumbnail : thumbnails) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.jpeg()));
            assertThat(image.getWidth()).isEqualTo(thumbnail.width());
            assertThat(image.getHeight()).isEqualTo(thumbnail.height());
            // Turned clockwise, the stored left (red) half is on top and the right (blue) half below.
            assertThat(dominant(image.getRGB(image.getWidth() / 2, image.getHeight() / 8))).isEqualTo("red");
            assertThat(dominant(image.getRGB(image.getWidth() / 2, image.getHeight() * 7 / 8))).isEqualTo("blue");
            assertThat(contains(thumbnail.jpeg(), "Exif")).as("no EXIF segment").isFalse();
            assertThat(contains(thumbnail.jpeg(), "DomusCam")).isFalse();
        }
    }

    @Test
    void aSmallPhotoIsNotEnlargedAndATransparentPngBecomesAJpeg() throws Exception {
        BufferedImage small = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(small, "png", out);

        List<Thumbnails.Thumbnail> thumbnails = Thumbnails.make(out.toByteArray());

        assertThat(thumbnails).extracting(Thumbnails.Thumbnail::size).containsExactly("200x100", "200x100");
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnails.get(0).jpeg()))).isNotNull();
        assertThat(thumbnails.get(0).jpeg()[0]).isEqualTo((byte) 0xFF);
    }

    @Test
    void whatTheJdkCannotDecodeIsRefusedWithAReason() {
        assertThatThrownBy(() -> Thumbnails.make(Images.webp())).isInstanceOf(Thumbnails.UnreadableImage.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> Thumbnails.make(Images.jpegOfSize(40))).isInstanceOf(Thumbnails.UnreadableImage.class);
    }

    private static String dominant(int rgb) {
        Color c = new Color(rgb);
        if (c.getRed() > 200 && c.getBlue() < 60) return "red";
        if (c.getBlue() > 200 && c.getRed() < 60) return "blue";
        return "other " + c;
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }
}
