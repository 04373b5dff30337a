package app.domus.votes.vote;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Vote weights as exact fractions, written {@code numerator/denominator} in reduced form ({@code 3/8}, {@code 2/1}):
 * a building's shares must add up to exactly one and a quorum must be met or missed exactly, which floating
 * point cannot promise.
 */
public final class Fractions {
    private static final Pattern FRACTION = Pattern.compile("^([0-9]{1,9})/([0-9]{1,9})$");
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,9}(\\.[0-9]{1,9})?$");

    private Fractions() {}

    /** Parses {@code "n/d"} (d not 0) or a decimal such as {@code 0.5}; empty for anything else. */
    public static Optional<BigFraction> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FRACTION.matcher(text);
        if (m.matches()) {
            BigInteger denominator = new BigInteger(m.group(2));
            if (denominator.signum() == 0) return Optional.empty();
            return Optional.of(BigFraction.of(new BigInteger(m.group(1)), denominator));
        }
        if (DECIMAL.matcher(text).matches()) {
            BigDecimal decimal = new BigDecimal(text);
            return Optional.of(BigFraction.of(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale())));
        }
        return Optional.empty();
    }

    /** A stored fraction, which this module wrote. */
    public static BigFraction read(String stored) {
        return parse(stored).orElseThrow(() -> new IllegalStateException("Not a stored fraction: " + stored));
    }

    public static String write(BigFraction value) {
        return value.getNumerator() + "/" + value.getDenominator();
    }

    /** {@code part} as a percentage of {@code whole} with two decimals; 0 when the whole is 0. */
    public static BigDecimal percent(BigFraction part, BigFraction whole) {
        if (whole.isZero()) return BigDecimal.ZERO.setScale(2);
        return part.divide(whole).multiply(100).bigDecimalValue(2, RoundingMode.HALF_EVEN);
    }
}
