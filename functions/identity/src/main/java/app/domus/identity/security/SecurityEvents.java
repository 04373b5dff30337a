package app.domus.identity.security;

import app.domus.shared.directory.MembershipItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/**
 * The security-relevant events of an account, for the audit log: a sign-in that succeeded or failed, two-factor
 * sign-in turned on or off, a changed password. Each goes in the transaction of the change it records (a failed sign-in
 * changes nothing in identity's items, so its outbox item is written alone). A person has no organisation in context
 * here, so each payload lists the organisations the person is a member of ({@code organisationIds}), whose audit
 * chains record it. No payload carries a password, a code or a token.
 */
@Singleton
public class SecurityEvents {
    public static final String SIGN_IN_SUCCEEDED = "SignInSucceeded";
    public static final String SIGN_IN_FAILED = "SignInFailed";
    public static final String MFA_ENABLED = "MfaEnabled";
    public static final String MFA_DISABLED = "MfaDisabled";
    public static final String PASSWORD_CHANGED = "PasswordChanged";

    /** Payload of {@code SignInSucceeded}. */
    public record SignedIn(String userId, String sessionId, List<String> organisationIds, String sourceIp, String userAgent) {}

    /** Payload of {@code SignInFailed}; {@code reason} is {@code wrong_password} or {@code wrong_mfa_code}. */
    public record SignInFailed(String userId, String reason, List<String> organisationIds, String sourceIp, String userAgent) {}

    /** Payload of {@code MfaEnabled}, {@code MfaDisabled} and {@code PasswordChanged}. */
    public record AccountChanged(String userId, List<String> organisationIds) {}

    private final DomusTable table;
    private final Outbox outbox;

    @Inject
    public SecurityEvents(DomusTable table, Outbox outbox) {
        this.table = table;
        this.outbox = outbox;
    }

    public void signedIn(TransactWriteItemsEnhancedRequest.Builder transaction, String userId, String sessionId,
                         String sourceIp, String userAgent) {
        outbox.add(transaction, SIGN_IN_SUCCEEDED, null, userId,
                new SignedIn(userId, sessionId, organisationIds(userId), sourceIp, userAgent));
    }

    /** A wrong password or code for an existing account: the event's outbox item alone. */
    public void signInFailed(String userId, String reason, String sourceIp, String userAgent) {
        TransactWriteItemsEnhancedRequest.Builder transaction = TransactWriteItemsEnhancedRequest.builder();
        outbox.add(transaction, SIGN_IN_FAILED, null, userId,
                new SignInFailed(userId, reason, organisationIds(userId), sourceIp, userAgent));
        table.client().transactWriteItems(transaction.build());
    }

    /** {@code MfaEnabled}, {@code MfaDisabled} or {@code PasswordChanged}, in the transaction that changes the user. */
    public void accountChanged(TransactWriteItemsEnhancedRequest.Builder transaction, String type, String userId) {
        outbox.add(transaction, type, null, userId, new AccountChanged(userId, organisationIds(userId)));
    }

    private List<String> organisationIds(String userId) {
        return table.all(MembershipItem.class, MembershipItem.pk(userId), "MEMBER#").stream()
                .map(MembershipItem::getOrganisationId).distinct().sorted().toList();
    }
}
