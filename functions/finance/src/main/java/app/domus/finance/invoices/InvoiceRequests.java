package app.domus.finance.invoices;

import app.domus.finance.money.Money;
import app.domus.shared.validation.Validated;
import app.domus.shared.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The bodies of the invoicing endpoints, checked field by field before anything is read or written. */
public final class InvoiceRequests {
    public static final int MAX_LINES = 50;
    /** Large enough for any flat's bill, small enough that no sum of lines can overflow a long. */
    public static final long MAX_UNIT_PRICE = 1_000_000_000L;
    public static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(100_000);
    static final int QUANTITY_DECIMALS = 3;
    static final int VAT_RATE_DECIMALS = 2;

    private InvoiceRequests() {}

    /**
     * {@code unitPrice} in whole minor units of the currency (read as a decimal so that 12.5 is refused, not truncated);
     * {@code quantity} and {@code vatRate} (a percentage) decimals.
     */
    public record Item(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
        public long unitPriceMinor() {
            return unitPrice.longValueExact();
        }
    }

    public record CreateInvoice(String unitId, List<Item> items, String dueDate, String currency) implements Validated {
        @Override
        public void validate(Validator v) {
            v.id("unitId", unitId, true);
            if (currency != null && Money.currency(currency).isEmpty()) v.error("currency", "must be an ISO 4217 code such as EUR");
            if (v.required("dueDate", dueDate) && date(dueDate) == null) v.error("dueDate", "must be a date such as 2026-12-31");
            if (v.required("items", items)) {
                v.size("items", items, 1, MAX_LINES);
                for (int i = 0; i < Math.min(items.size(), MAX_LINES); i++) item(v, "items." + i + ".", items.get(i));
            }
        }

        public String currencyOrDefault() {
            return currency == null ? Money.DEFAULT_CURRENCY : currency;
        }
    }

    private static void item(Validator v, String prefix, Item item) {
        if (item == null) {
            v.error(prefix.substring(0, prefix.length() - 1), "is required");
            return;
        }
        v.text(prefix + "description", item.description(), 1, 200, true);
        if (v.required(prefix + "quantity", item.quantity())) {
            if (item.quantity().signum() <= 0 || item.quantity().compareTo(MAX_QUANTITY) > 0) {
                v.error(prefix + "quantity", "must be more than 0 and at most " + MAX_QUANTITY);
            } else if (item.quantity().stripTrailingZeros().scale() > QUANTITY_DECIMALS) {
                v.error(prefix + "quantity", "has at most " + QUANTITY_DECIMALS + " decimals");
            }
        }
        if (v.required(prefix + "unitPrice", item.unitPrice())) {
            if (item.unitPrice().signum() < 0 || item.unitPrice().compareTo(BigDecimal.valueOf(MAX_UNIT_PRICE)) > 0) {
                v.error(prefix + "unitPrice", "must be from 0 to " + MAX_UNIT_PRICE + " minor units");
            } else if (item.unitPrice().stripTrailingZeros().scale() > 0) {
                v.error(prefix + "unitPrice", "must be a whole number of minor units (cents for EUR)");
            }
        }
        vatRate(v, prefix + "vatRate", item.vatRate());
    }

    /** A VAT rate: a percentage from 0 to 100 with at most two decimals. */
    public static void vatRate(Validator v, String field, BigDecimal rate) {
        if (v.required(field, rate)) {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                v.error(field, "must be a percentage from 0 to 100");
            } else if (rate.stripTrailingZeros().scale() > VAT_RATE_DECIMALS) {
                v.error(field, "has at most " + VAT_RATE_DECIMALS + " decimals");
            }
        }
    }

    public record CancelInvoice(String reason) implements Validated {
        @Override
        public void validate(Validator v) {
            v.text("reason", reason, 3, 500, true);
        }
    }

    public static LocalDate date(String value) {
        if (value == null || value.length() != 10) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
