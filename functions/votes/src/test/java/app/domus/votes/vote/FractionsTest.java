package app.domus.votes.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class FractionsTest {
    @Test
    void fractionsAndDecimalsParseToTheSameReducedValue() {
        assertThat(Fractions.parse("2/4").map(Fractions::write)).contains("1/2");
        assertThat(Fractions.parse("0.5").map(Fractions::write)).contains("1/2");
        assertThat(Fractions.parse("0").map(Fractions::write)).contains("0/1");
        assertThat(Fractions.parse("1.000").map(Fractions::write)).contains("1/1");
    }

    @Test
    void anythingElseIsNotAFraction() {
        for (String text : new String[] {null, "", "1/0", "-1/2", "1/-2", "½", "1 / 2", "0x10", "1e3", "1/2/3", "1234567890/1", ".5"}) {
            assertThat(Fractions.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void sumsStayExactWhereDoublesWouldDrift() {
        BigFraction sum = BigFraction.ZERO;
        for (int i = 0; i < 10; i++) sum = sum.add(Fractions.read("1/10"));

        assertThat(Fractions.write(sum)).isEqualTo("1/1");
        assertThat(Fractions.percent(Fractions.read("1/3"), sum)).isEqualTo(new BigDecimal("33.33"));
        assertThat(Fractions.percent(Fractions.read("2/3"), sum)).isEqualTo(new BigDecimal("66.67"));
        assertThat(Fractions.percent(BigFraction.ONE, BigFraction.ZERO)).isEqualTo(new BigDecimal("0.00"));
    }
}
