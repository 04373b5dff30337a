package app.domus.shared.auth;

/**
 * Who is calling, as the HTTP API's JWT authorizer vouched for it: the token's {@code sub}, {@code email}
 * and session id ({@code sid}). What the caller may do is not in the token; the access service looks it up.
 */
public record Caller(String userId, String email, String sessionId) {}
