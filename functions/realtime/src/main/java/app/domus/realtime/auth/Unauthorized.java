package app.domus.realtime.auth;

/**
 * Thrown by the authorizer to refuse a handshake with 401: API Gateway answers 401 exactly when a Lambda
 * authorizer fails with the message {@code Unauthorized} (a Deny policy would be a 403).
 */
public final class Unauthorized extends RuntimeException {
    public Unauthorized() {
        super("Unauthorized", null, false, false);
    }
}
