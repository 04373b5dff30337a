package app.domus.finance.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The rounding rule, by table and over many random invoices. */
class InvoiceArithmeticTest {
    @ParameterizedTest(name = "{0} x {1} at {2}% -> net {3}, VAT {4}")
    @CsvSource({
            // quantity, unit price (minor), VAT %, net, VAT
            "1, 10000, 20, 10000, 2000",
            "2, 10000, 20, 20000, 4000",
            "0.5, 1, 0, 0, 0",          // 0.5 rounds half to even: 0
            "1.5, 1, 0, 2, 0",          // 1.5 -> 2
            "2.5, 1, 0, 2, 0",          // 2.5 -> 2
            "0.333, 100, 20, 33, 7",    // 33.3 -> 33; 6.6 -> 7
            "1, 25, 10, 25, 2",         // 2.5 -> 2 (half to even)
            "1, 35, 10, 35, 4",         // 3.5 -> 4
            "1, 1999, 10.5, 1999, 210", // 209.895 -> 210
            "3, 333, 7.7, 999, 77",     // 76.923 -> 77
            "12.345, 100, 19, 1234, 234", // 1234.5 -> 1234; 234.46 -> 234
            "1, 0, 20, 0, 0",
    })
    void aLineIsRoundedHalfEvenOnItsNetThenItsVat(String quantity, long unitPrice, String rate, long net, long vat) {
        InvoiceArithmetic.Line line = InvoiceArithmetic.line(new BigDecimal(quantity), unitPrice, new BigDecimal(rate));
        assertThat(line.net()).isEqualTo(net);
        assertThat(line.vat()).isEqualTo(vat);
        assertThat(line.gross()).isEqualTo(net + vat);
    }

    @Test
    void totalsAreTheSumsOfTheRoundedLinesOverManyRandomInvoices() {
        Random random = new Random(20261202);
        for (int n = 0; n < 2_000; n++) {
            List<InvoiceArithmetic.Line> lines = new ArrayList<>();
            BigDecimal exactNet = BigDecimal.ZERO;
            int count = 1 + random.nextInt(50);
            for (int i = 0; i < count; i++) {
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4));
                long price = random.nextInt(1_000_000_000);
                BigDecimal rate = BigDecimal.valueOf(random.nextInt(10_001), 2);
                InvoiceArithmetic.Line line = InvoiceArithmetic.line(quantity, price, rate);
                BigDecimal exact = quantity.multiply(BigDecimal.valueOf(price));
                // Each rounded figure is within half a minor unit of the exact one, and is the half-even rounding of it.
                assertThat(BigDecimal.valueOf(line.net()).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
                assertThat(line.net()).isEqualTo(exact.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
                BigDecimal exactVat = BigDecimal.valueOf(line.net()).multiply(rate).movePointLeft(2);
                assertThat(BigDecimal.valueOf(line.vat()).subtract(exactVat).abs()).isLessThanOrEqualTo(new BigDecimal("0.5"));
                assertThat(line.gross()).isEqualTo(line.net() + line.vat());
                lines.add(line);
                exactNet = exactNet.add(exact);
            }
            InvoiceArithmetic.Totals totals = InvoiceArithmetic.totals(lines);
            assertThat(totals.net()).isEqualTo(lines.stream().mapToLong(InvoiceArithmetic.Line::net).sum());
            assertThat(totals.vat()).isEqualTo(lines.stream().mapToLong(InvoiceArithmetic.Line::vat).sum());
            assertThat(totals.total()).isEqualTo(totals.net() + totals.vat())
                    .isEqualTo(lines.stream().mapToLong(InvoiceArithmetic.Line::gross).sum());
            // Rounding per line moves the total by at most half a minor unit per line.
            assertThat(BigDecimal.valueOf(totals.net()).subtract(exactNet).abs()).isLessThanOrEqualTo(BigDecimal.valueOf(count).multiply(new BigDecimal("0.5")));
        }
    }

    @Test
    void currenciesKnowTheirMinorUnits() {
        assertThat(Money.format(29500, "EUR")).isEqualTo("295.00 EUR");
        assertThat(Money.format(123456789, "EUR")).isEqualTo("1,234,567.89 EUR");
        assertThat(Money.format(1500, "JPY")).isEqualTo("1,500 JPY");
        assertThat(Money.format(1234, "BHD")).isEqualTo("1.234 BHD");
        assertThat(Money.currency("EUR")).isPresent();
        assertThat(Money.currency("XXX")).isEmpty();
        assertThat(Money.currency("eur")).isEmpty();
        assertThat(Money.currency("ABC")).isEmpty();
    }
}
