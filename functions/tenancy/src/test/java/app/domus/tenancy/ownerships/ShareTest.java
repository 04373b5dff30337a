package app.domus.tenancy.ownerships;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareTest {
    @Test
    void sumsAreExactAndReduced() {
        Share third = Share.parse("1/3").orElseThrow();
        Share total = Share.NONE.plus(third).plus(third).plus(third);
        assertThat(total).hasToString("1/1");
        assertThat(total.exceedsWhole()).isFalse();
        assertThat(total.plus(Share.parse("1/999999999").orElseThrow()).exceedsWhole()).isTrue();
    }

    @Test
    void onlyPlainFractionsWithANonZeroDenominatorParse() {
        assertThat(Share.parse("125/1000")).isPresent();
        assertThat(Share.parse("1/0")).isEmpty();
        assertThat(Share.parse("0.5")).isEmpty();
        assertThat(Share.parse("1 / 2")).isEmpty();
        assertThat(Share.parse("1234567890/2")).isEmpty();
        assertThat(Share.parse(null)).isEmpty();
    }
}
