package app.domus.finance.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount of minor units over weights exactly, by the largest-remainder method: each part is first its exact
 * share rounded down ({@code amount × weight ÷ Σ weights}, in integers), and the minor units still left (fewer than there
 * are parts) go one each to the parts whose exact shares lost the most in that rounding, ties to the earlier part. So the
 * parts always add up to the amount to the minor unit, none is negative, and none is more than one minor unit away from
 * its exact share. Weights are whole numbers: {@link #ofDecimals} and {@link #ofFractions} turn decimals (areas) and
 * fractions (ownership shares) into whole numbers with the same proportions.
 */
public final class Allocation {
    private Allocation() {}

    /** The parts of {@code amount} (≥ 0) in proportion to {@code weights} (each ≥ 0, at least one > 0), in their order. */
    public static long[] split(long amount, List<BigInteger> weights) {
        if (amount < 0) throw new IllegalArgumentException("Only a positive amount or zero is split");
        if (weights.isEmpty()) throw new IllegalArgumentException("An amount is split over one weight or more");
        BigInteger total = BigInteger.ZERO;
        for (BigInteger weight : weights) {
            if (weight.signum() < 0) throw new IllegalArgumentException("A weight is not negative");
            total = total.add(weight);
        }
        if (total.signum() == 0) throw new IllegalArgumentException("The weights add up to nothing");
        BigInteger whole = BigInteger.valueOf(amount);
        long[] parts = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger[] division = whole.multiply(weights.get(i)).divideAndRemainder(total);
            parts[i] = division[0].longValueExact();
            remainders[i] = division[1];
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < amount - given; k++) parts[order.get(k)]++;
        return parts;
    }

    /** An equal part each. */
    public static long[] equally(long amount, int parts) {
        List<BigInteger> ones = new ArrayList<>();
        for (int i = 0; i < parts; i++) ones.add(BigInteger.ONE);
        return split(amount, ones);
    }

    /** Decimals (e.g. 54.5 and 72.25 m²) as whole weights of the same proportions (5450 and 7225). */
    public static List<BigInteger> ofDecimals(List<BigDecimal> values) {
        int scale = 0;
        for (BigDecimal value : values) scale = Math.max(scale, value.stripTrailingZeros().scale());
        List<BigInteger> weights = new ArrayList<>();
        for (BigDecimal value : values) weights.add(value.movePointRight(scale).toBigIntegerExact());
        return weights;
    }

    /** Fractions {numerator, denominator} (e.g. 150/1000 and 1/4) as whole weights over their common denominator. */
    public static List<BigInteger> ofFractions(List<BigInteger[]> fractions) {
        BigInteger common = BigInteger.ONE;
        for (BigInteger[] f : fractions) common = common.divide(common.gcd(f[1])).multiply(f[1]);
        List<BigInteger> weights = new ArrayList<>();
        for (BigInteger[] f : fractions) weights.add(f[0].multiply(common.divide(f[1])));
        return weights;
    }
}
