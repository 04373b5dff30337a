package app.domus.finance.payments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The payment gateway as the finance context uses it (Stripe in production and in the local cloud's double). */
public interface PaymentGateway {
    /**
     * Creates a PaymentIntent for {@code amount} minor units; the same {@code idempotencyKey} gives back the first one
     * (the gateway keeps keys 24 hours).
     */
    Intent createIntent(long amount, String currency, String paymentMethod, String description, Map<String, String> metadata,
                        String idempotencyKey);

    /** The charges created in {@code [from, to)}, every page of them. */
    List<Charge> charges(Instant from, Instant to);

    /** The charges of one PaymentIntent, whenever they were made. */
    List<Charge> chargesOf(String paymentIntentId);

    /** The PaymentIntent's metadata, for a charge the books do not know. */
    Optional<Map<String, String>> intentMetadata(String paymentIntentId);

    /** Before a SnapStart snapshot: load and link what the calls use, without calling the gateway. */
    default void prime() {}

    record Intent(String id, String clientSecret, long amount, String currency, String status) {}

    /** {@code succeeded}: the card was charged (a failed charge moved no money). */
    record Charge(String id, String paymentIntentId, long amount, long amountRefunded, String currency, boolean succeeded, Instant created) {
        public long net() {
            return succeeded ? amount - amountRefunded : 0;
        }
    }

    /** The gateway could not be reached or answered with an error of its own: try again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The gateway refused the request as given (an unknown payment method, say): {@code code} is its error code. */
    class Refused extends RuntimeException {
        private final String code;

        public Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
