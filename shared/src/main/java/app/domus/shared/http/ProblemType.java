package app.domus.shared.http;

/**
 * The stable problem types the API returns (RFC 9457 {@code type} member). Clients switch on the URI,
 * so a type, once published, keeps its URI and meaning.
 */
public enum ProblemType {
    VALIDATION(400, "validation-error", "The request is not valid"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    INVALID_CURSOR(400, "invalid-cursor", "The paging cursor is not valid"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    INVALID_CREDENTIALS(401, "invalid-credentials", "The email or password is wrong"),
    INVALID_TOKEN(401, "invalid-token", "The token is not valid"),
    INVALID_MFA_CODE(401, "invalid-mfa-code", "The verification code is not valid"),
    /** A guest's check-in or check-out with a reservation and an access code that do not go together (or no such reservation). */
    INVALID_ACCESS_CODE(401, "invalid-access-code", "The reservation or its access code is wrong"),
    /** OAuth sign-in: the callback's {@code state} is unknown, used, expired, or not this browser's. */
    OAUTH_STATE_INVALID(400, "oauth-state-invalid", "The sign-in attempt is not valid; start it again"),
    /** OAuth sign-in: the provider refused the authorisation code (used, expired, not ours) or the person said no. */
    OAUTH_CODE_REJECTED(400, "oauth-code-rejected", "The sign-in provider refused the sign-in"),
    /** OAuth sign-in: the provider's ID token failed its checks (signature, issuer, audience, expiry, nonce). */
    OAUTH_ID_TOKEN_INVALID(401, "oauth-id-token-invalid", "The sign-in provider's answer could not be verified"),
    FORBIDDEN(403, "forbidden", "You may not do this"),
    EMAIL_NOT_VERIFIED(403, "email-not-verified", "Verify your e-mail address first"),
    /** The access code is right, but its stay's window has not opened yet. */
    CHECK_IN_NOT_OPEN(403, "check-in-not-open", "Check-in has not opened yet"),
    NOT_FOUND(404, "not-found", "Not found"),
    INVITATION_NOT_FOUND(404, "invitation-not-found", "The invitation code does not exist"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    INVITATION_USED(409, "invitation-used", "The invitation code has already been used"),
    EMAIL_UNAVAILABLE(409, "email-unavailable", "This email cannot be used to register"),
    /** A provider identity is not linked: its e-mail is unverified (by the provider or by us), or it is someone else's. */
    IDENTITY_LINK_REFUSED(409, "identity-link-refused", "This sign-in cannot be linked to the account"),
    /** Removing the identity would leave the account without a way to sign in. */
    LAST_SIGN_IN_METHOD(409, "last-sign-in-method", "This is the account's last way to sign in"),
    INVALID_STATE(409, "invalid-state", "The request is not allowed in the current state"),
    IDEMPOTENCY_KEY_IN_USE(409, "idempotency-key-in-use", "A request with this Idempotency-Key is still being processed"),
    INVITATION_EXPIRED(410, "invitation-expired", "The invitation code has expired"),
    /** The access code is right, but its stay's window has closed. */
    ACCESS_CODE_EXPIRED(410, "access-code-expired", "The access code has expired"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be application/json"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "This Idempotency-Key was used with a different request"),
    /** Well-formed, but what it acts on cannot carry it out as it stands (a split by area over units without one). */
    UNPROCESSABLE(422, "unprocessable", "The request cannot be carried out on the data as it stands"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    ACCOUNT_LOCKED(429, "account-locked", "Too many failed sign-in attempts"),
    INTERNAL(500, "internal-error", "Something went wrong on our side"),
    UNAVAILABLE(503, "unavailable", "A dependency is unavailable"),
    /** The organisation's admin switched this AI agent off (e.g. the chat assistant): nothing was sent to a model. */
    AI_AGENT_OFF(503, "ai-agent-off", "This AI agent is switched off for your organisation");

    private static final String BASE = "https://problems.domus.app/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() { return status; }
    public String uri() { return BASE + slug; }
    public String title() { return title; }
}
