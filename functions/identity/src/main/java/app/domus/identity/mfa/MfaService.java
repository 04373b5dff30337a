package app.domus.identity.mfa;

import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.ids.Ids;
import app.domus.shared.persistence.DomusTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import app.domus.identity.security.SecurityEvents;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Second factor: TOTP set-up, enabling (which issues one-time recovery codes), checking and disabling.
 * Every change to the user goes through the version attribute, so two concurrent uses of one code (or one
 * recovery code) cannot both succeed.
 */
@Singleton
public class MfaService {
    static final int RECOVERY_CODES = 10;

    private final DomusTable table;
    private final Clock clock;
    private final SecurityEvents security;

    @Inject
    public MfaService(DomusTable table, Clock clock, SecurityEvents security) {
        this.table = table;
        this.clock = clock;
        this.security = security;
    }

    public record Setup(String secret, String otpauthUri) {}

    public Setup setup(String userId) {
        UserItem user = user(userId);
        if (user.mfaOn()) throw new ApiException(ProblemType.INVALID_STATE, "Two-factor sign-in is already on; disable it first");
        String secret = Totp.newSecret();
        user.setMfaPendingSecret(secret);
        save(user);
        return new Setup(secret, Totp.uri("Domus", user.getEmail(), secret));
    }

    public List<String> enable(String userId, String code) {
        UserItem user = user(userId);
        if (user.mfaOn()) throw new ApiException(ProblemType.INVALID_STATE, "Two-factor sign-in is already on");
        if (user.getMfaPendingSecret() == null) throw new ApiException(ProblemType.INVALID_STATE, "Start with POST /auth/mfa/setup");
        long step = Totp.matchingStep(user.getMfaPendingSecret(), code, -1, clock.instant());
        if (step < 0) throw wrongCode();
        List<String> recoveryCodes = IntStream.range(0, RECOVERY_CODES).mapToObj(i -> Ids.humanCode(3)).toList();
        user.setMfaSecret(user.getMfaPendingSecret());
        user.setMfaPendingSecret(null);
        user.setMfaEnabled(true);
        user.setMfaLastUsedStep(step);
        user.setRecoveryCodeHashes(recoveryCodes.stream().map(TokenHash::of).toList());
        save(user, SecurityEvents.MFA_ENABLED);
        return recoveryCodes;
    }

    public void disable(String userId, String code) {
        UserItem user = user(userId);
        if (!user.mfaOn()) throw new ApiException(ProblemType.INVALID_STATE, "Two-factor sign-in is not on");
        consumeSecondFactor(user, code);
        user.setMfaEnabled(false);
        user.setMfaSecret(null);
        user.setMfaLastUsedStep(null);
        user.setRecoveryCodeHashes(null);
        save(user, SecurityEvents.MFA_DISABLED);
    }

    /**
     * Checks a TOTP code or a recovery code and burns it: the TOTP step (or the recovery code) is recorded
     * in the same conditional write, so the code cannot be replayed.
     */
    public void verify(UserItem user, String code) {
        consumeSecondFactor(user, code);
        save(user);
    }

    private void consumeSecondFactor(UserItem user, String code) {
        long last = user.getMfaLastUsedStep() == null ? -1 : user.getMfaLastUsedStep();
        long step = Totp.matchingStep(user.getMfaSecret(), code, last, clock.instant());
        if (step >= 0) {
            user.setMfaLastUsedStep(step);
            return;
        }
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        List<String> remaining = new ArrayList<>(user.getRecoveryCodeHashes() == null ? List.of() : user.getRecoveryCodeHashes());
        if (!remaining.remove(TokenHash.of(normalised))) throw wrongCode();
        user.setRecoveryCodeHashes(remaining);
    }

    private UserItem user(String userId) {
        return table.get(UserItem.class, UserItem.pk(userId), UserItem.SK).orElseThrow(() -> ApiException.notFound("The user"));
    }

    private void save(UserItem user) {
        try {
            table.of(UserItem.class).updateItem(user);
        } catch (ConditionalCheckFailedException e) {
            // the user changed between our read and write: most likely the same code used twice at once
            throw wrongCode();
        }
    }

    /** As {@link #save(UserItem)}, with the change's audit event in the same transaction. */
    private void save(UserItem user, String eventType) {
        try {
            table.client().transactWriteItems(t -> {
                t.addUpdateItem(table.of(UserItem.class), user);
                security.accountChanged(t, eventType, user.getId());
            });
        } catch (TransactionCanceledException e) {
            throw wrongCode();
        }
    }

    private static ApiException wrongCode() {
        return new ApiException(ProblemType.INVALID_MFA_CODE, "The code is wrong, expired or already used");
    }
}
