package app.domus.privacy.deletion;

import app.domus.shared.http.HttpHandler;

/** The deletion handler wired to a test's service (its constructor is package-private). */
public final class DeleteAccountHandlerAccess {
    private DeleteAccountHandlerAccess() {}

    public static HttpHandler handler(AccountDeletion deletion) {
        return new DeleteAccountHandler(deletion);
    }
}
