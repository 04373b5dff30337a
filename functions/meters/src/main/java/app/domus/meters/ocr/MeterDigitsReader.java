package app.domus.meters.ocr;

/**
 * Reads the register of a meter (the number it counts up to) from a photo of it. An engine that cannot run answers
 * {@link Recognition.Status#ENGINE_UNAVAILABLE} and one that finds no number {@link Recognition.Status#UNREADABLE}:
 * neither ever makes a value up. A reader throws only for a failure worth retrying later (a remote engine that is
 * throttled or down).
 */
public interface MeterDigitsReader {
    /** {@code image} is an encoded photo (JPEG, PNG, ...) as uploaded. */
    Recognition read(byte[] image);
}
