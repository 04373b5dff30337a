package app.domus.identity.verification;

/**
 * The events behind identity's account e-mails. Neither carries a secret: the verification link's token is made by the
 * consumer that sends it ({@code VerificationEmailsFunction}), so no token sits in the outbox or on the topic.
 */
public final class VerificationEvents {
    public static final String REQUESTED = "EmailVerificationRequested";
    public static final String SIGN_UP_REPEATED = "PortalSignUpRepeated";

    private VerificationEvents() {}

    /**
     * {@code EmailVerificationRequested}: send {@code email} a verification link. {@code requestId} is new per request
     * (a registration, a sign-up, a resend), so the notifier sends each request's link once.
     */
    public record Requested(String requestId, String userId, String email, String reason) {}

    /**
     * {@code PortalSignUpRepeated}: someone signed up on the portal with the address of an existing, verified account.
     * The answer to the sign-up said nothing of it; the address's owner is told instead.
     */
    public record SignUpRepeated(String attemptId, String userId, String email) {}
}
