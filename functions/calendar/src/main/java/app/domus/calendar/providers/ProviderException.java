package app.domus.calendar.providers;

/** A provider call that did not succeed: the access token refused, a sync token gone, the grant refused, or the provider unavailable. */
public class ProviderException extends RuntimeException {
    public enum Kind { UNAUTHORIZED, GONE, REFUSED, UNAVAILABLE }

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
