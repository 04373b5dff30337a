package app.domus.meters.ocr;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number found in recognised text, as written ({@code 004217,5}), as a value ({@code 4217.5}), and where it starts
 * in the text once its whitespace is removed. Registers show digits, often spaced out between the counter's wheels,
 * with at most one decimal separator, which may be a comma.
 */
record RegisterNumber(String written, BigDecimal value, int start) {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** More digits than any meter's register has: such a run is noise or a barcode's digits, not a reading. */
    private static final int MAX_DIGITS = 15;

    /** The longest number in {@code text} (spaces removed first): a register is the longest run of digits. */
    static Optional<RegisterNumber> longestIn(String text) {
        Matcher numbers = NUMBER.matcher(compact(text));
        String longest = null;
        int start = 0;
        while (numbers.find()) {
            if (longest == null || numbers.group().length() > longest.length()) {
                longest = numbers.group();
                start = numbers.start();
            }
        }
        return longest == null ? Optional.empty() : plausible(longest, start);
    }

    /** {@code text} as a number when it is nothing but one (spaces aside). */
    static Optional<RegisterNumber> whole(String text) {
        String compact = compact(text);
        return NUMBER.matcher(compact).matches() ? plausible(compact, 0) : Optional.empty();
    }

    /** Characters as written, leading zeros included: a register's wheels show them. */
    int length() {
        return written.length();
    }

    private static String compact(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll("");
    }

    /** Where it ends in the text without its whitespace. */
    int end() {
        return start + written.length();
    }

    private static Optional<RegisterNumber> plausible(String number, int start) {
        long digits = number.chars().filter(Character::isDigit).count();
        return digits > MAX_DIGITS ? Optional.empty()
                : Optional.of(new RegisterNumber(number, new BigDecimal(number.replace(',', '.')), start));
    }
}
