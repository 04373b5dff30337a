package app.domus.listings.imports;

/** A CRM that refused the credentials ({@code refused}) or could not be reached or read (then it is worth retrying). */
public class CrmException extends RuntimeException {
    private final boolean refused;

    public CrmException(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    public CrmException(String message, Throwable cause) {
        super(message, cause);
        this.refused = false;
    }

    public boolean refused() { return refused; }
}
