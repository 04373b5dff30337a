package app.domus.identity.mfa;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 TOTP as authenticator apps implement it: HMAC-SHA1, 30-second steps, 6 digits, a step of clock
 * drift either way. A code is accepted only for a step later than the last one accepted, so each code
 * works once.
 */
public final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new 160-bit secret, base32 as authenticator apps expect it. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    public static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The step the code matches (now ±1), if it is later than {@code lastUsedStep}; -1 otherwise. */
    public static long matchingStep(String secret, String code, long lastUsedStep, Instant now) {
        if (secret == null || code == null || !code.matches("\\d{6}")) return -1;
        long current = now.getEpochSecond() / STEP.getSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (step > lastUsedStep && code(secret, step).equals(code)) return step;
        }
        return -1;
    }

    /** The code of a step (for tests and the local demo's authenticator). */
    public static String code(String secret, long step) {
        try {
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm());
            return GENERATOR.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Invalid TOTP secret", e);
        }
    }

    public static String codeAt(String secret, Instant when) {
        return code(secret, when.getEpochSecond() / STEP.getSeconds());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
