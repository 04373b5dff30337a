package app.domus.shared.photos;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.shared.testing.Images;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PhotoFormatTest {
    private static byte[] head(byte[] bytes) {
        return Arrays.copyOf(bytes, Math.min(bytes.length, PhotoFormat.SIGNATURE_BYTES));
    }

    @Test
    void recognisesJpegPngAndWebpByTheirBytes() {
        assertThat(PhotoFormat.recognise(head(Images.jpeg()))).contains(PhotoFormat.JPEG);
        assertThat(PhotoFormat.recognise(head(Images.png()))).contains(PhotoFormat.PNG);
        assertThat(PhotoFormat.recognise(head(Images.webp()))).contains(PhotoFormat.WEBP);
    }

    @Test
    void refusesOtherFormatsAndFragments() {
        assertThat(PhotoFormat.recognise(head(Images.gif()))).isEmpty();
        assertThat(PhotoFormat.recognise(head(Images.pdf()))).isEmpty();
        assertThat(PhotoFormat.recognise("just some text".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(PhotoFormat.recognise(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(PhotoFormat.recognise(new byte[0])).isEmpty();
        assertThat(PhotoFormat.recognise("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).as("a WAV file is RIFF too").isEmpty();
    }

    @Test
    void storedKeysAndDeclaredTypesMapToFormats() {
        assertThat(PhotoFormat.ofStoredKey("faults/F1/2.webp")).contains(PhotoFormat.WEBP);
        assertThat(PhotoFormat.ofStoredKey("faults/F1/2.gif")).isEmpty();
        assertThat(PhotoFormat.ofContentType("IMAGE/PNG")).contains(PhotoFormat.PNG);
        assertThat(PhotoFormat.ofContentType("image/gif")).isEmpty();
    }
}
