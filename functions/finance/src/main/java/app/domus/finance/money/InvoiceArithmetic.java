package app.domus.finance.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The one rounding rule of invoices and credit notes, exact throughout (BigDecimal, then whole minor units):
 *
 * <ol>
 *   <li>a line's net = quantity × unit price (minor units), rounded half-even to a whole minor unit;</li>
 *   <li>its VAT = net × VAT rate ÷ 100, rounded half-even to a whole minor unit;</li>
 *   <li>its gross = net + VAT;</li>
 *   <li>the invoice's net, VAT and total are the sums of the rounded lines (no second rounding).</li>
 * </ol>
 *
 * Rounding per line keeps every figure printed on the invoice adding up exactly as printed; half-even (banker's
 * rounding) does not drift upwards over many lines. A credit note repeats the invoice's lines, hence its figures.
 */
public final class InvoiceArithmetic {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceArithmetic() {}

    public record Line(BigDecimal quantity, long unitPrice, BigDecimal vatRate, long net, long vat, long gross) {}

    public record Totals(long net, long vat, long total) {}

    /** A line's figures; {@code unitPrice} in minor units, {@code vatRate} a percentage such as 20 or 10.5. */
    public static Line line(BigDecimal quantity, long unitPrice, BigDecimal vatRate) {
        long net = quantity.multiply(BigDecimal.valueOf(unitPrice)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        long vat = BigDecimal.valueOf(net).multiply(vatRate).divide(HUNDRED).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return new Line(quantity, unitPrice, vatRate, net, vat, Math.addExact(net, vat));
    }

    public static Totals totals(List<Line> lines) {
        long net = 0, vat = 0;
        for (Line line : lines) {
            net = Math.addExact(net, line.net());
            vat = Math.addExact(vat, line.vat());
        }
        return new Totals(net, vat, Math.addExact(net, vat));
    }
}
