package app.domus.finance.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The largest-remainder split of a building's amount over its units: a table of known splits and random properties. */
class AllocationTest {
    private static List<BigInteger> weights(String text) {
        List<BigInteger> weights = new ArrayList<>();
        for (String w : text.split(" ")) weights.add(new BigInteger(w));
        return weights;
    }

    private static String parts(long[] parts) {
        return String.join(" ", LongStream.of(parts).mapToObj(Long::toString).toList());
    }

    @ParameterizedTest(name = "{0} over {1} -> {2}")
    @CsvSource({
            "100, 1 1 1, 34 33 33",          // the one cent left goes to the first of equal remainders
            "200, 1 1 1, 67 67 66",
            "1, 1 1, 1 0",
            "0, 1 2 3, 0 0 0",
            "10, 1 2 3 4, 1 2 3 4",           // exact shares need no rounding
            "100, 1 1 1 0, 34 33 33 0",       // a weight of 0 gets nothing
            "100, 1 2, 33 67",                // 33.33 and 66.67: the larger remainder (0.67) takes the cent
            "30000, 500 705 300, 9967 14053 5980",
            "5, 7 7 7 7 7 7 7, 1 1 1 1 1 0 0",
            "1000000007, 3 3 3, 333333336 333333336 333333335"})
    void knownSplits(long amount, String weights, String expected) {
        long[] split = Allocation.split(amount, weights(weights));
        assertThat(parts(split)).isEqualTo(expected);
        assertThat(LongStream.of(split).sum()).isEqualTo(amount);
    }

    @Test
    void areasAndOwnershipSharesBecomeWholeWeightsOfTheSameProportions() {
        assertThat(Allocation.ofDecimals(List.of(new BigDecimal("54.5"), new BigDecimal("72.25"), new BigDecimal("100"))))
                .containsExactly(BigInteger.valueOf(5450), BigInteger.valueOf(7225), BigInteger.valueOf(10000));
        assertThat(Allocation.ofFractions(List.of(fraction(150, 1000), fraction(1, 4), fraction(1, 3))))
                .containsExactly(BigInteger.valueOf(450), BigInteger.valueOf(750), BigInteger.valueOf(1000));
    }

    @Test
    void randomSplitsAddUpExactlyAreNeverNegativeStayWithinACentOfTheExactShareAndKeepTheWeightsOrder() {
        Random random = new Random(20270101);
        for (int n = 0; n < 3000; n++) {
            long amount = random.nextInt(4) == 0 ? random.nextInt(10) : (long) (random.nextDouble() * 10_000_000_000L);
            int count = 1 + random.nextInt(60);
            List<BigInteger> weights = new ArrayList<>();
            for (int i = 0; i < count; i++) weights.add(BigInteger.valueOf(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(100_000)));
            if (weights.stream().allMatch(w -> w.signum() == 0)) weights.set(0, BigInteger.ONE);
            BigInteger total = weights.stream().reduce(BigInteger.ZERO, BigInteger::add);

            long[] parts = Allocation.split(amount, weights);
            assertThat(LongStream.of(parts).sum()).as("case %d", n).isEqualTo(amount);
            for (int i = 0; i < count; i++) {
                assertThat(parts[i]).isNotNegative();
                BigDecimal exact = new BigDecimal(BigInteger.valueOf(amount).multiply(weights.get(i))).divide(new BigDecimal(total), 12, RoundingMode.HALF_EVEN);
                assertThat(exact.subtract(BigDecimal.valueOf(parts[i])).abs()).as("case %d part %d", n, i).isLessThan(BigDecimal.ONE);
                for (int j = 0; j < count; j++) {
                    if (weights.get(i).compareTo(weights.get(j)) > 0) assertThat(parts[i]).as("case %d: %d before %d", n, i, j).isGreaterThanOrEqualTo(parts[j]);
                }
            }
        }
    }

    @Test
    void nothingIsSplitOverNoWeightsAndNoNegativeAmountOrWeightIsAccepted() {
        assertThatThrownBy(() -> Allocation.split(100, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.split(100, weights("0 0"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.split(-1, weights("1 1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.split(100, weights("1 -1 2"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger[] fraction(long numerator, long denominator) {
        return new BigInteger[] {BigInteger.valueOf(numerator), BigInteger.valueOf(denominator)};
    }
}
