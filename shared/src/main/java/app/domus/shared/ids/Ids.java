package app.domus.shared.ids;

import java.security.SecureRandom;

/**
 * Identifiers: 26-character, time-ordered, URL-safe (the ULID layout in Crockford base32). Time order keeps
 * lists sorted by creation without a second attribute; 80 random bits keep them unguessable.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static volatile SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    private static long lastMillis = -1;
    private static long lastHi;
    private static long lastLo;

    /**
     * A new random source, and the monotonic state forgotten: after a SnapStart restore, every copy of the snapshot
     * holds the same generator state, and would make the same ids and secrets.
     */
    public static synchronized void reseed() {
        RANDOM = new SecureRandom();
        lastMillis = -1;
    }

    public static String newId() {
        return newId(System.currentTimeMillis());
    }

    /**
     * Ids made in one process are strictly increasing (ULID's monotonic mode): within one millisecond, the random
     * part of the previous id is incremented instead of drawn anew, so two events of one transaction keep their order.
     */
    static synchronized String newId(long epochMillis) {
        long hi;
        long lo;
        if (epochMillis == lastMillis) {
            lo = (lastLo + 1) & 0xFF_FFFF_FFFFL;
            hi = lo == 0 ? (lastHi + 1) & 0xFF_FFFF_FFFFL : lastHi;
        } else {
            byte[] random = new byte[10];
            RANDOM.nextBytes(random);
            hi = 0;
            lo = 0;
            for (int i = 0; i < 5; i++) hi = (hi << 8) | (random[i] & 0xff);
            for (int i = 5; i < 10; i++) lo = (lo << 8) | (random[i] & 0xff);
            // Room to count up within the millisecond without wrapping into the next one's ids.
            hi &= 0x7F_FFFF_FFFFL;
        }
        lastMillis = epochMillis;
        lastHi = hi;
        lastLo = lo;
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }

    /**
     * An id in ULID form that is the same every time for the same instant and name: its time part is {@code epochMillis},
     * its random part the first 80 bits of the SHA-256 of {@code name}. For what is written again when a message is
     * delivered again (a device's reading and its event), so that the second write is the same item, not a new one.
     */
    public static String derived(long epochMillis, String name) {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 bits, 5 at a time, from the digest's first ten bytes.
        int bit = 0;
        for (int i = 10; i < 26; i++, bit += 5) {
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = bit + b;
                value = (value << 1) | ((digest[index / 8] >> (7 - index % 8)) & 1);
            }
            out[i] = ALPHABET[value];
        }
        return new String(out);
    }

    /** A secret for a URL or a code: {@code bytes} random bytes, base64url without padding. */
    public static String secret(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** A code a person types: groups of Crockford base32, e.g. {@code K7QM-3XPA-9RTD}. */
    public static String humanCode(int groups) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) sb.append('-');
            for (int i = 0; i < 4; i++) sb.append(ALPHABET[RANDOM.nextInt(32)]);
        }
        return sb.toString();
    }
}
