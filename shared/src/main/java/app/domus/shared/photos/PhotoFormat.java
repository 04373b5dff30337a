package app.domus.shared.photos;

import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a photo (of a fault, of a meter) may have, recognised by the file's first bytes (its signature) and never by
 * a name or a declared content type, which a client chooses freely.
 */
public enum PhotoFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    /** How many leading bytes {@link #recognise} needs. */
    public static final int SIGNATURE_BYTES = 12;

    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_MARK = {'W', 'E', 'B', 'P'};

    private final String contentType;
    private final String extension;

    PhotoFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() { return contentType; }
    public String extension() { return extension; }

    public static Optional<PhotoFormat> recognise(byte[] head) {
        if (startsWith(head, 0, JPEG_SIGNATURE)) return Optional.of(JPEG);
        if (startsWith(head, 0, PNG_SIGNATURE)) return Optional.of(PNG);
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_MARK)) return Optional.of(WEBP);
        return Optional.empty();
    }

    /** The format of a photo Domus stored itself, named {@code <n>.<extension>}. */
    public static Optional<PhotoFormat> ofStoredKey(String key) {
        return Arrays.stream(values()).filter(f -> key.endsWith("." + f.extension)).findFirst();
    }

    /** The format a client declares for an upload (checked again, by content, when the upload is used). */
    public static Optional<PhotoFormat> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(f -> f.contentType.equalsIgnoreCase(contentType)).findFirst();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data == null || data.length < offset + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) return false;
        }
        return true;
    }
}
