package app.domus.rentals.stays;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stay's two codes, derived rather than stored. Each stay draws a random nonce (128 bits from {@link SecureRandom});
 * with the platform's secret key (an SSM SecureString on AWS) HMAC-SHA256 turns it into the guest's access code (what
 * the welcome message gives and {@code POST /check-in} asks for: 8 characters of an alphabet without look-alikes, 40
 * bits) and the lock's keypad code (six digits 1-9 not starting with 12, what Nuki's keypads take), so that the saga can
 * put the keypad code on a lock that was offline, and give it at check-in, without keeping it anywhere. Only keyed
 * hashes are stored: of the access code, to check it in constant time, and of the keypad code, to keep it unique on its
 * lock. Without the key neither code follows from the table.
 */
public final class AccessCodes {
    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or off a phone is typed right. */
    static final String ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
    static final int ACCESS_CODE_LENGTH = 8;

    private final Supplier<byte[]> key;
    private final Supplier<String> nonces;

    public AccessCodes(Supplier<byte[]> key) {
        this(key, randomNonces());
    }

    /** With the nonces given (tests that need two draws to meet on a lock). */
    AccessCodes(Supplier<byte[]> key, Supplier<String> nonces) {
        this.key = key;
        this.nonces = nonces;
    }

    /** A fresh nonce for a stay (or a new one when its keypad code is taken on the lock). */
    public String newNonce() {
        return nonces.get();
    }

    private static Supplier<String> randomNonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        };
    }

    public String accessCode(String reservationId, String nonce) {
        StringBuilder code = new StringBuilder(ACCESS_CODE_LENGTH);
        for (int round = 0; code.length() < ACCESS_CODE_LENGTH; round++) {
            for (byte b : mac("access-code|" + reservationId + "|" + nonce + "|" + round)) {
                int v = b & 0xFF;
                if (v < 250 && code.length() < ACCESS_CODE_LENGTH) code.append(ALPHABET.charAt(v % ALPHABET.length())); // 250 = 10 × 25: no bias
            }
        }
        return code.toString();
    }

    public String keypadCode(String reservationId, String nonce) {
        for (int round = 0; ; round++) {
            byte[] bytes = mac("keypad-code|" + reservationId + "|" + nonce + "|" + round);
            StringBuilder code = new StringBuilder(6);
            for (int i = 0; i < bytes.length && code.length() < 6; i++) {
                int b = bytes[i] & 0xFF;
                if (b < 252) code.append((char) ('1' + b % 9)); // 252 = 28 × 9: no bias
            }
            if (code.length() == 6 && !code.toString().startsWith("12")) return code.toString();
        }
    }

    /** The keyed hash stored in place of a code; {@code scope} separates codes of different stays or locks. */
    public String hash(String scope, String code) {
        return HexFormat.of().formatHex(mac("hash|" + scope + "|" + code));
    }

    /** Whether {@code given} is the code whose hash is {@code stored}, compared in constant time; case and separators are forgiven. */
    public boolean matches(String scope, String given, String stored) {
        if (given == null || stored == null) return false;
        String normalised = given.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > 32) return false;
        return MessageDigest.isEqual(hash(scope, normalised).getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
