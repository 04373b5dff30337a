package app.domus.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Opaque secrets (refresh tokens, MFA challenges, recovery codes) are stored as their SHA-256: they carry
 * 128+ random bits, so a fast hash suffices and a leaked table does not leak usable tokens.
 */
public final class TokenHash {
    private TokenHash() {}

    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
