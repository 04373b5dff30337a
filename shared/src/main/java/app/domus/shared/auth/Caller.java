package app.domus.shared.auth;

/**
 * Who is calling, as the HTTP API's JWT authorizer vouched for it: the token's {@code sub}, {@code email}, session id
 * ({@code sid}) and whether the address was verified ({@code email_verified}, a boolean claim that the authorizer
 * passes as the string {@code "true"}). What the caller may do is not in the token; the access service looks it up.
 * A token without {@code email_verified} (issued before the claim existed) counts as unverified.
 */
public record Caller(String userId, String email, String sessionId, boolean emailVerified) {
    /** A caller whose address is not known to be verified (a WebSocket connection's user, checked for access only). */
    public Caller(String userId, String email, String sessionId) {
        this(userId, email, sessionId, false);
    }
}
