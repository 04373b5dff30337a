package app.domus.finance.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts are whole minor units ({@code long}: cents for EUR, yen for JPY) beside an ISO 4217 currency; how many digits
 * a currency's minor unit has comes from {@link Currency#getDefaultFractionDigits()}. Nothing is ever a double.
 */
public final class Money {
    public static final String DEFAULT_CURRENCY = "EUR";

    private Money() {}

    /** The currency for an ISO 4217 code in capitals, when it is one with a minor unit of 0 to 4 digits (not XAU, XXX...). */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) return Optional.empty();
        try {
            Currency currency = Currency.getInstance(code);
            int digits = currency.getDefaultFractionDigits();
            return digits >= 0 && digits <= 4 ? Optional.of(currency) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static int digits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** {@code 123456} EUR as {@code "1,234.56 EUR"}: for documents and messages, never parsed back. */
    public static String format(long minor, String currency) {
        BigDecimal major = BigDecimal.valueOf(minor).movePointLeft(digits(currency));
        return String.format(Locale.ROOT, "%,." + digits(currency) + "f %s", major, currency);
    }

    /** {@code 123456} EUR as the decimal {@code 1234.56}. */
    public static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor).movePointLeft(digits(currency));
    }
}
