package app.domus.identity.identities;

/**
 * {@code IdentityLinkRequested}: a person signed in with a provider whose verified address is an existing account's, and
 * was not signed in to it: the account's address is e-mailed a link that joins the two. The event carries no secret: the
 * link's token is made by the consumer that sends it ({@code VerificationEmailsFunction}).
 */
public final class IdentityEvents {
    public static final String LINK_REQUESTED = "IdentityLinkRequested";

    private IdentityEvents() {}

    /** {@code requestId} is new per request, so the notifier sends each request's link once. */
    public record LinkRequested(String requestId, String userId, String email, String provider, String subject) {}
}
