package app.domus.meters.ocr;

/**
 * How far a JPEG's pixels must turn to stand upright, from its EXIF orientation tag. Phones store a photo as the
 * sensor saw it and record how it was held; ImageIO ignores the tag, and Tesseract reads no sideways digits.
 * Mirrored orientations (never written by cameras) and anything unparseable count as upright.
 */
final class ExifOrientation {
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** Clockwise quarter turns (0 to 3) that make {@code image} upright; 0 for anything but a JPEG saying otherwise. */
    static int quarterTurns(byte[] image) {
        if (image.length < 4 || u8(image, 0) != 0xFF || u8(image, 1) != 0xD8) return 0;
        int at = 2;
        while (at + 4 <= image.length && u8(image, at) == 0xFF) {
            int marker = u8(image, at + 1);
            if (marker == 0xDA || marker == 0xD9) return 0; // the image data starts: no metadata after it
            int length = (u8(image, at + 2) << 8) | u8(image, at + 3);
            if (marker == 0xE1 && isExif(image, at + 4)) {
                return turns(orientation(image, at + 10, Math.min(image.length, at + 2 + length)));
            }
            at += 2 + length;
        }
        return 0;
    }

    private static boolean isExif(byte[] image, int at) {
        byte[] mark = {'E', 'x', 'i', 'f', 0, 0};
        if (at + mark.length > image.length) return false;
        for (int i = 0; i < mark.length; i++) if (image[at + i] != mark[i]) return false;
        return true;
    }

    /** The orientation in the TIFF structure at {@code tiff} (before {@code end}), or 1 (upright) when absent. */
    private static int orientation(byte[] image, int tiff, int end) {
        if (tiff + 8 > end) return 1;
        boolean little = u8(image, tiff) == 'I' && u8(image, tiff + 1) == 'I';
        if (!little && !(u8(image, tiff) == 'M' && u8(image, tiff + 1) == 'M')) return 1;
        long ifd = tiff + u32(image, tiff + 4, little);
        if (ifd + 2 > end) return 1;
        int entries = u16(image, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) return 1;
            if (u16(image, entry, little) == ORIENTATION_TAG) return u16(image, entry + 8, little);
        }
        return 1;
    }

    private static int turns(int orientation) {
        return switch (orientation) {
            case 3 -> 2; // upside down
            case 6 -> 1; // held upright, sensor on its side: turn clockwise
            case 8 -> 3;
            default -> 0;
        };
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xff;
    }

    private static int u16(byte[] bytes, int at, boolean little) {
        return little ? u8(bytes, at) | u8(bytes, at + 1) << 8 : u8(bytes, at) << 8 | u8(bytes, at + 1);
    }

    private static long u32(byte[] bytes, int at, boolean little) {
        long high = u16(bytes, little ? at + 2 : at, little);
        long low = u16(bytes, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
