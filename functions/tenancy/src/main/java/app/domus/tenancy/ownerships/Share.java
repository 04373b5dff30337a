package app.domus.tenancy.ownerships;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fraction of a building, kept exact: vote weights must add up to precisely one, which floating point
 * cannot promise. Sums are reduced, so their denominators stay as small as the shares allow.
 */
public record Share(BigInteger numerator, BigInteger denominator) {
    public static final Share NONE = new Share(BigInteger.ZERO, BigInteger.ONE);
    private static final Pattern FORMAT = Pattern.compile("^([0-9]{1,9})/([0-9]{1,9})$");

    /** Parses {@code "numerator/denominator"}; empty unless it is a fraction with a non-zero denominator. */
    public static Optional<Share> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) return Optional.empty();
        BigInteger denominator = new BigInteger(m.group(2));
        if (denominator.signum() == 0) return Optional.empty();
        return Optional.of(new Share(new BigInteger(m.group(1)), denominator));
    }

    public Share plus(Share other) {
        BigInteger n = numerator.multiply(other.denominator).add(other.numerator.multiply(denominator));
        BigInteger d = denominator.multiply(other.denominator);
        BigInteger gcd = n.gcd(d);
        return gcd.signum() == 0 ? NONE : new Share(n.divide(gcd), d.divide(gcd));
    }

    public boolean isPositive() {
        return numerator.signum() > 0;
    }

    public boolean exceedsWhole() {
        return numerator.compareTo(denominator) > 0;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
