package app.domus.finance.runs;

import app.domus.finance.invoices.InvoiceRequests;
import app.domus.finance.money.Money;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The body of {@code POST /buildings/{buildingId}/billing-runs}, checked field by field before anything is read. */
public final class BillingRunRequests {
    public static final int MAX_LINES = 20;
    /** A building's amount for one line and period: 100 million in major units, far beyond any building's bill. */
    public static final long MAX_AMOUNT = 10_000_000_000L;

    private BillingRunRequests() {}

    /** How a line's amount is shared out over the building's units. */
    public enum Split {
        /** The same part for every unit. */
        PER_UNIT,
        /** In proportion to the ownership shares recorded for each unit (the sum of its owners' shares). */
        BY_SHARE,
        /** In proportion to each unit's floor area ({@code areaSquareMetres}). */
        BY_AREA;

        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /** {@code amount}: the building's net total for the period in whole minor units; {@code vatRate} a percentage. */
    public record Line(String description, BigDecimal amount, BigDecimal vatRate, String split) {
        public Split splitValue() {
            return Split.valueOf(split.toUpperCase(Locale.ROOT));
        }
    }

    /** {@code consumption}: also bill each unit's metered use at the building's tariffs; then {@code lines} may be empty. */
    public record StartRun(String period, String dueDate, String currency, List<Line> lines, Boolean consumption) implements Validated {
        public StartRun(String period, String dueDate, String currency, List<Line> lines) {
            this(period, dueDate, currency, lines, null);
        }

        @Override
        public void validate(Validator v) {
            if (v.required("period", period) && month(period) == null) v.error("period", "must be a month such as 2027-01");
            if (v.required("dueDate", dueDate) && InvoiceRequests.date(dueDate) == null) v.error("dueDate", "must be a date such as 2027-01-31");
            if (currency != null && Money.currency(currency).isEmpty()) v.error("currency", "must be an ISO 4217 code such as EUR");
            if (!billsConsumption() && !v.required("lines", lines)) return;
            if (lines == null) return;
            v.size("lines", lines, billsConsumption() ? 0 : 1, MAX_LINES);
            for (int i = 0; i < Math.min(lines.size(), MAX_LINES); i++) line(v, "lines." + i + ".", lines.get(i));
        }

        public String currencyOrDefault() {
            return currency == null ? Money.DEFAULT_CURRENCY : currency;
        }

        public boolean billsConsumption() {
            return Boolean.TRUE.equals(consumption);
        }

        public List<Line> linesOrEmpty() {
            return lines == null ? List.of() : lines;
        }
    }

    private static void line(Validator v, String prefix, Line line) {
        if (line == null) {
            v.error(prefix.substring(0, prefix.length() - 1), "is required");
            return;
        }
        v.text(prefix + "description", line.description(), 1, 200, true);
        if (v.required(prefix + "amount", line.amount())) {
            if (line.amount().signum() <= 0 || line.amount().compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
                v.error(prefix + "amount", "must be more than 0 and at most " + MAX_AMOUNT + " minor units");
            } else if (line.amount().stripTrailingZeros().scale() > 0) {
                v.error(prefix + "amount", "must be a whole number of minor units (cents for EUR)");
            }
        }
        InvoiceRequests.vatRate(v, prefix + "vatRate", line.vatRate());
        v.oneOf(prefix + "split", line.split(), Split.class, true);
    }

    public static YearMonth month(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) return null;
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
