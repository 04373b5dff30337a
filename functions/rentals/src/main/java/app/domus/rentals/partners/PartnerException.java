package app.domus.rentals.partners;

/**
 * What went wrong calling a partner (the smart-lock API, the police portal, a channel manager), in the three kinds the
 * domain acts on differently: {@link Unavailable} (try again later: network, timeout, the partner's 5xx, an answer that
 * cannot be read, the circuit breaker open), {@link Refused} (the partner understood and said no: our credentials, an
 * unknown lock or submission, a conflicting operation) and {@link Invalid} (what we sent is wrong and must be fixed
 * before sending again).
 */
public abstract sealed class PartnerException extends RuntimeException
        permits PartnerException.Unavailable, PartnerException.Refused, PartnerException.Invalid {
    private final String partner;

    private PartnerException(String partner, String message, Throwable cause) {
        super(partner + ": " + message, cause);
        this.partner = partner;
    }

    /** The partner's short name, e.g. {@code smart-lock} or {@code police-portal}. */
    public String partner() {
        return partner;
    }

    /** Try again later; the request may or may not have reached the partner. */
    public static final class Unavailable extends PartnerException {
        private final boolean breakerOpen;
        private final boolean timedOut;

        public Unavailable(String partner, String message, Throwable cause) {
            this(partner, message, cause, false, false);
        }

        private Unavailable(String partner, String message, Throwable cause, boolean breakerOpen, boolean timedOut) {
            super(partner, message, cause);
            this.breakerOpen = breakerOpen;
            this.timedOut = timedOut;
        }

        public static Unavailable breakerOpen(String partner, Throwable cause) {
            return new Unavailable(partner, "failed too often lately; not calling it for a while", cause, true, false);
        }

        public static Unavailable timedOut(String partner, String what, Throwable cause) {
            return new Unavailable(partner, what + " timed out", cause, false, true);
        }

        /** Answered at once by the open circuit breaker: the partner was not called. */
        public boolean breakerOpen() {
            return breakerOpen;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    /** The partner refused the request as it stands; {@code code} is its own (an HTTP status, an error code). */
    public static final class Refused extends PartnerException {
        private final String code;

        public Refused(String partner, String code, String message) {
            super(partner, message, null);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What we sent does not pass the partner's validation; {@code reason} says what to fix. */
    public static final class Invalid extends PartnerException {
        private final String reason;

        public Invalid(String partner, String reason) {
            super(partner, reason, null);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
