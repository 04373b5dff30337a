package app.domus.identity.registration;

import app.domus.identity.password.PasswordHasher;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.verification.EmailVerification;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.Role;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.Outbox;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Registration with an invitation code. The invitation is marked used, the e-mail claimed, the user and the
 * invitation's membership written in one transaction: two registrations with one code at the same moment
 * produce exactly one user, and an e-mail can belong to one account only.
 *
 * <p>E-mail verification: an invitation issued for an address (its {@code email}, which the registration must match)
 * counts as proof of the address, so that account is verified at once: the inviting admin or manager named the address,
 * and the code reached the person through them. An invitation without an address proves nothing of the address typed
 * in, so that account starts unverified and the registration's transaction requests a verification link
 * ({@code EmailVerificationRequested}).
 */
@Singleton
public class RegistrationService {
    private final DomusTable table;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final Outbox outbox;
    private final EmailVerification verification;
    private final Clock clock;

    @Inject
    public RegistrationService(DomusTable table, PasswordHasher passwords, SessionService sessions, Outbox outbox,
                               EmailVerification verification, Clock clock) {
        this.table = table;
        this.passwords = passwords;
        this.sessions = sessions;
        this.outbox = outbox;
        this.verification = verification;
        this.clock = clock;
    }

    public record Registered(String userId, String token, String refreshToken) {}

    public Registered register(String email, String password, String invitationCode, String displayName,
                               String sourceIp, String userAgent) {
        Instant now = clock.instant();
        String normalisedEmail = email.strip().toLowerCase(Locale.ROOT);
        InvitationItem invitation = table.get(InvitationItem.class, InvitationItem.pk(invitationCode), InvitationItem.SK)
                .orElseThrow(() -> new ApiException(ProblemType.INVITATION_NOT_FOUND, "Check the code and try again"));
        checkUsable(invitation, normalisedEmail, now);
        if (table.get(EmailItem.class, EmailItem.pk(normalisedEmail), EmailItem.SK).isPresent()) throw emailUnavailable();

        UserItem user = new UserItem();
        user.setId(Ids.newId());
        user.setPk(UserItem.pk(user.getId()));
        user.setSk(UserItem.SK);
        user.setEmail(normalisedEmail);
        user.setDisplayName(displayName);
        user.setPasswordHash(passwords.hash(password));
        user.setPasswordChangedAt(now.toString());
        user.setMfaEnabled(false);
        user.setCreatedAt(now.toString());
        boolean addressVouched = invitation.getEmail() != null;
        if (addressVouched) user.setEmailVerifiedAt(now.toString());
        EmailItem claim = new EmailItem();
        claim.setPk(EmailItem.pk(normalisedEmail));
        claim.setSk(EmailItem.SK);
        claim.setUserId(user.getId());
        Role role = Role.valueOf(invitation.getRole());
        MembershipItem membership = MembershipItem.of(user.getId(), invitation.getOrganisationId(), role,
                invitation.getBuildingId(), invitation.getUnitId(), now.toString());

        invitation.setStatus(InvitationItem.USED);
        invitation.setUsedBy(user.getId());
        UserRegistered registered = new UserRegistered(user.getId(), normalisedEmail, role.wire(),
                invitation.getOrganisationId(), invitation.getBuildingId(), invitation.getUnitId());
        try {
            table.client().transactWriteItems(t -> {
                t.addUpdateItem(table.of(InvitationItem.class), TransactUpdateItemEnhancedRequest.builder(InvitationItem.class)
                                .item(invitation)
                                .conditionExpression(Expression.builder().expression("#status = :open")
                                        .expressionNames(Map.of("#status", "status"))
                                        .expressionValues(Map.of(":open", AttributeValue.fromS(InvitationItem.OPEN))).build())
                                .build())
                        .addPutItem(table.of(EmailItem.class), claim)
                        .addPutItem(table.of(UserItem.class), user)
                        .addPutItem(table.of(MembershipItem.class), membership);
                outbox.add(t, UserRegistered.TYPE, invitation.getOrganisationId(), user.getId(), registered);
                if (!addressVouched) verification.request(t, user.getId(), normalisedEmail, "registration");
            });
        } catch (TransactionCanceledException e) {
            throw raceLost(e);
        }
        SessionService.Tokens tokens = sessions.open(user, sourceIp, userAgent);
        return new Registered(user.getId(), tokens.accessToken(), tokens.refreshToken());
    }

    private static void checkUsable(InvitationItem invitation, String email, Instant now) {
        if (InvitationItem.USED.equals(invitation.getStatus())) {
            throw new ApiException(ProblemType.INVITATION_USED, "Ask for a new invitation code");
        }
        if (Instant.parse(invitation.getExpiresAt()).isBefore(now)) {
            throw new ApiException(ProblemType.INVITATION_EXPIRED, "Ask for a new invitation code");
        }
        if (invitation.getEmail() != null && !invitation.getEmail().equalsIgnoreCase(email)) {
            throw new ApiException(ProblemType.INVITATION_NOT_FOUND, "Check the code and try again");
        }
    }

    /** Which write of the transaction lost tells what happened: the code was taken, or the e-mail was. */
    private static ApiException raceLost(TransactionCanceledException e) {
        var reasons = e.cancellationReasons();
        if (!reasons.isEmpty() && isConditionFailure(reasons.get(0))) {
            return new ApiException(ProblemType.INVITATION_USED, "Ask for a new invitation code");
        }
        if (reasons.size() > 1 && isConditionFailure(reasons.get(1))) return emailUnavailable();
        return new ApiException(ProblemType.CONFLICT, "Registration collided with another change; try again");
    }

    private static boolean isConditionFailure(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static ApiException emailUnavailable() {
        return new ApiException(ProblemType.EMAIL_UNAVAILABLE,
                "Sign in instead, or use the password reset if you forgot your password");
    }
}
