package app.domus.local.partners.stripe;

import java.util.Map;
import java.util.Optional;

/**
 * Stripe's test payment methods ({@code pm_card_visa}, {@code pm_card_chargeDeclined}, ...): the card each stands
 * for and, for the declining ones, the error Stripe answers.
 *
 * @param declineCode null for a card that is charged
 */
record TestCard(String brand, String last4, String errorCode, String declineCode, String declineMessage) {
    private static final Map<String, TestCard> BY_PAYMENT_METHOD = Map.of(
            "pm_card_visa", new TestCard("visa", "4242", null, null, null),
            "pm_card_mastercard", new TestCard("mastercard", "4444", null, null, null),
            "pm_card_chargeDeclined", new TestCard("visa", "0002", "card_declined", "generic_decline", "Your card was declined."),
            "pm_card_chargeDeclinedInsufficientFunds", new TestCard("visa", "9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
            "pm_card_chargeDeclinedExpiredCard", new TestCard("visa", "0069", "expired_card", "expired_card", "Your card has expired."));

    static final String SUCCEEDING = "pm_card_visa";
    static final String DECLINING = "pm_card_chargeDeclined";

    static Optional<TestCard> of(String paymentMethod) {
        return Optional.ofNullable(BY_PAYMENT_METHOD.get(paymentMethod));
    }

    boolean declines() {
        return declineCode != null;
    }
}
