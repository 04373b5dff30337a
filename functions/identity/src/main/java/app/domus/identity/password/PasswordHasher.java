package app.domus.identity.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Argon2id password hashes in PHC string form (parameters travel with each hash, so they can be raised
 * later without breaking old hashes). 19 MiB, 2 passes, 1 lane: OWASP's minimum recommendation.
 */
@Singleton
public class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** Verified against when the account does not exist, so both paths cost the same time. */
    private static final String DECOY = Password.hash("decoy-password-for-timing").addRandomSalt(16).with(ARGON2).getResult();

    @Inject
    public PasswordHasher() {}

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, DECOY).with(ARGON2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
