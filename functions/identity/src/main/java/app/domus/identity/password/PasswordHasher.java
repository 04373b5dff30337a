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
    // Loaded on first use (the holder idiom): password4j's start-up and the decoy's Argon2 hash took about 340 ms of
    // every identity function's cold start, though most of them (GET /auth/me, sessions, keys) never hash.
    private static final class Argon2Holder {
        static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    }

    private static final class DecoyHolder {
        /** Verified against when the account does not exist, so both paths cost the same time. */
        static final String DECOY = Password.hash("decoy-password-for-timing").addRandomSalt(16).with(Argon2Holder.ARGON2).getResult();
    }

    @Inject
    public PasswordHasher() {}

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(Argon2Holder.ARGON2).getResult();
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, DecoyHolder.DECOY).with(Argon2Holder.ARGON2);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}
