package app.domus.meters.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RegisterNumberTest {
    @Test
    void theLongestNumberIsTheRegisterAndSpacesBetweenWheelsCloseUp() {
        assertThat(RegisterNumber.longestIn("0 0 4 2 1 7 . 5")).hasValueSatisfying(n -> {
            assertThat(n.written()).isEqualTo("004217.5");
            assertThat(n.value()).isEqualByComparingTo("4217.5");
        });
        assertThat(RegisterNumber.longestIn("2,5|004217.5")).hasValueSatisfying(n -> assertThat(n.written()).isEqualTo("004217.5"));
    }

    @Test
    void aCommaIsADecimalSeparatorAndLeadingZerosCountForLengthNotValue() {
        assertThat(RegisterNumber.longestIn("000815,25")).hasValueSatisfying(n -> {
            assertThat(n.value()).isEqualByComparingTo(new BigDecimal("815.25"));
            assertThat(n.length()).isEqualTo(9);
            assertThat(n.start()).isZero();
            assertThat(n.end()).isEqualTo(9);
        });
    }

    @Test
    void theStartIsCountedWithoutWhitespace() {
        assertThat(RegisterNumber.longestIn("1 . 123 45")).hasValueSatisfying(n -> {
            assertThat(n.written()).isEqualTo("1.12345");
            assertThat(RegisterNumber.longestIn("9.9x 12345").orElseThrow().start()).isEqualTo(4);
        });
    }

    @Test
    void textWithoutDigitsOrWithAnImplausibleRunHasNoNumber() {
        assertThat(RegisterNumber.longestIn("m³ ., kWh")).isEmpty();
        assertThat(RegisterNumber.longestIn("")).isEmpty();
        assertThat(RegisterNumber.longestIn(null)).isEmpty();
        assertThat(RegisterNumber.longestIn("1234567890123456")).as("16 digits").isEmpty();
    }

    @Test
    void aWholeNumberIsNothingButOne() {
        assertThat(RegisterNumber.whole(" 0 4 2 1 7,5 "))
                .hasValueSatisfying(n -> assertThat(n.value()).isEqualByComparingTo("4217.5"));
        assertThat(RegisterNumber.whole("m3")).isEmpty();
        assertThat(RegisterNumber.whole("2,5 m3")).isEmpty();
        assertThat(RegisterNumber.whole("1.2.3")).isEmpty();
    }
}
