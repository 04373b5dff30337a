package app.domus.identity.account;

import app.domus.identity.UserView;
import app.domus.identity.login.AccountLockout;
import app.domus.identity.password.PasswordHasher;
import app.domus.identity.password.PasswordPolicy;
import app.domus.shared.validation.Validator;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.access.AccessService;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import app.domus.identity.security.SecurityEvents;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The signed-in user's own account: who they are, where they belong, their password. */
@Singleton
public class AccountService {
    private final DomusTable table;
    private final AccessService access;
    private final PasswordHasher passwords;
    private final SessionService sessions;
    private final AccountLockout lockout;
    private final Clock clock;
    private final SecurityEvents security;

    @Inject
    public AccountService(DomusTable table, AccessService access, PasswordHasher passwords, SessionService sessions,
                          AccountLockout lockout, Clock clock, SecurityEvents security) {
        this.table = table;
        this.access = access;
        this.passwords = passwords;
        this.sessions = sessions;
        this.lockout = lockout;
        this.clock = clock;
        this.security = security;
    }

    public record Membership(String organisationId, String role, String buildingId, String unitId) {}

    /** {@code accountType}: {@code portal} for a portal user, {@code resident} for anyone who registered with an invitation. */
    public record Me(String userId, String email, String displayName, boolean mfaEnabled, boolean emailVerified,
                     String accountType, List<Membership> memberships) {}

    public Me me(String userId) {
        UserItem item = user(userId);
        UserView user = UserView.of(item);
        List<Membership> memberships = access.memberships(userId).stream()
                .map(m -> new Membership(m.getOrganisationId(), m.roleValue().wire(), m.getBuildingId(), m.getUnitId()))
                .toList();
        return new Me(user.userId(), user.email(), user.displayName(), user.mfaEnabled(), user.emailVerified(),
                UserItem.PORTAL.equals(item.getAccountType()) ? UserItem.PORTAL : "resident", memberships);
    }

    /** Changes the password and ends every other session: whoever knew the old password is signed out. */
    public void changePassword(String userId, String sessionId, String currentPassword, String newPassword) {
        UserItem user = user(userId);
        Validator policy = new Validator();
        PasswordPolicy.check(policy, "newPassword", newPassword, user.getEmail());
        policy.throwIfInvalid();
        // A stolen access token must not become a free password oracle: wrong guesses lock like failed sign-ins.
        lockout.refuseIfLocked(user.getEmail());
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            lockout.recordFailure(user.getEmail());
            throw new ApiException(ProblemType.INVALID_CREDENTIALS, "The current password is wrong");
        }
        user.setPasswordHash(passwords.hash(newPassword));
        user.setPasswordChangedAt(clock.instant().toString());
        try {
            table.client().transactWriteItems(t -> {
                t.addUpdateItem(table.of(UserItem.class), user);
                security.accountChanged(t, SecurityEvents.PASSWORD_CHANGED, userId);
            });
        } catch (TransactionCanceledException e) {
            throw new ApiException(ProblemType.CONFLICT, "Your account changed meanwhile; try again");
        }
        sessions.closeAll(userId, sessionId);
    }

    private UserItem user(String userId) {
        return table.get(UserItem.class, UserItem.pk(userId), UserItem.SK)
                .orElseThrow(() -> new ApiException(ProblemType.INVALID_TOKEN, "The account no longer exists"));
    }

}
