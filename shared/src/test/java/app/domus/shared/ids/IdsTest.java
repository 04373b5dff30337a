package app.domus.shared.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ULIDs: Crockford base32, 48 bits of time then 80 random ones, strictly increasing within a process. */
class IdsTest {
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** The value of base32 text, read independently of {@link Ids}. */
    private static BigInteger decode(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) value = value.shiftLeft(5).add(BigInteger.valueOf(CROCKFORD.indexOf(c)));
        return value;
    }

    /** A random source that gives these bytes, then zeros. */
    private static void randomGives(byte... bytes) throws ReflectiveOperationException {
        Field field = Ids.class.getDeclaredField("RANDOM");
        field.setAccessible(true);
        field.set(null, new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
                for (int i = 0; i < out.length; i++) out[i] = i < bytes.length ? bytes[i] : 0;
            }
        });
        Ids.reseed();
        field.set(null, new SecureRandom() {
            @Override
            public void nextBytes(byte[] out) {
                for (int i = 0; i < out.length; i++) out[i] = i < bytes.length ? bytes[i] : 0;
            }
        });
    }

    @AfterEach
    void realRandomness() {
        Ids.reseed();
    }

    @Test
    void theTimePartIsTheMillisecondsAsTheUlidSpecificationEncodesThem() {
        // The specification's example: 1469918176385 is 01ARYZ6S41.
        assertThat(Ids.newId(1_469_918_176_385L)).startsWith("01ARYZ6S41").hasSize(26);
        assertThat(Ids.newId(0L)).startsWith("0000000000");
        assertThat(Ids.newId((1L << 48) - 1)).startsWith("7ZZZZZZZZZ");
        String now = Ids.newId();
        assertThat(now).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(decode(now.substring(0, 10)).longValue()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
    }

    @Test
    void theRandomPartIsTheEightyBitsDrawn() throws Exception {
        randomGives((byte) 0x12, (byte) 0x34, (byte) 0x56, (byte) 0x78, (byte) 0x9A, (byte) 0xBC, (byte) 0xDE, (byte) 0xF0, (byte) 0x11, (byte) 0x22);
        String id = Ids.newId(1_000L);
        assertThat(decode(id.substring(10, 18))).isEqualTo(new BigInteger("123456789A", 16));
        assertThat(decode(id.substring(18))).isEqualTo(new BigInteger("BCDEF01122", 16));
    }

    @Test
    void theHighBitIsClearedSoThatAMillisecondCanCountUpWithoutWrapping() throws Exception {
        randomGives((byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF);
        String first = Ids.newId(2_000L);
        assertThat(decode(first.substring(10, 18))).isEqualTo(new BigInteger("7FFFFFFFFF", 16));
        assertThat(decode(first.substring(18))).isEqualTo(new BigInteger("FFFFFFFFFF", 16));
        String second = Ids.newId(2_000L);
        assertThat(second.substring(0, 10)).isEqualTo(first.substring(0, 10));
        assertThat(decode(second.substring(10, 18))).as("the carry").isEqualTo(new BigInteger("8000000000", 16));
        assertThat(decode(second.substring(18))).isEqualTo(BigInteger.ZERO);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void withinOneMillisecondEachIdIsThePreviousPlusOne() throws Exception {
        randomGives((byte) 0x01, (byte) 0x02, (byte) 0x03, (byte) 0x04, (byte) 0x05, (byte) 0x06, (byte) 0x07, (byte) 0x08, (byte) 0x09, (byte) 0x0A);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) ids.add(Ids.newId(3_000L));
        for (int i = 1; i < ids.size(); i++) {
            assertThat(decode(ids.get(i).substring(10))).isEqualTo(decode(ids.get(i - 1).substring(10)).add(BigInteger.ONE));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        String later = Ids.newId(3_001L);
        assertThat(decode(later.substring(10))).as("a new millisecond draws anew")
                .isEqualTo(new BigInteger("0102030405060708090A", 16).and(new BigInteger("7FFFFFFFFFFFFFFFFFFF", 16)));
        assertThat(later).isGreaterThan(ids.getLast());
    }

    @Test
    void reseedingForgetsTheMillisecondSoTheNextIdIsDrawnAnew() throws Exception {
        randomGives((byte) 0x01);
        String first = Ids.newId(4_000L);
        Ids.reseed();
        String after = Ids.newId(4_000L);
        assertThat(decode(after.substring(10))).isNotEqualTo(decode(first.substring(10)).add(BigInteger.ONE));
    }

    @Test
    void idsOfTheRealClockAreUniqueAndIncreasing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) ids.add(Ids.newId());
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aDerivedIdsRandomPartIsTheFirstEightyBitsOfTheNamesSha256() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("received:m1".getBytes(StandardCharsets.UTF_8));
        BigInteger first80 = new BigInteger(1, digest).shiftRight(256 - 80);
        String id = Ids.derived(1_469_918_176_385L, "received:m1");
        assertThat(id).startsWith("01ARYZ6S41").hasSize(26);
        assertThat(decode(id.substring(10))).isEqualTo(first80);
        assertThat(Ids.derived(0L, "x")).startsWith("0000000000");
    }

    @Test
    void aSecretIsUrlSafeBase64OfTheBytesAsked() {
        Set<String> seen = new HashSet<>();
        for (int n : new int[] {1, 16, 32}) {
            String secret = Ids.secret(n);
            assertThat(secret).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(secret)).hasSize(n);
            seen.add(secret);
        }
        assertThat(Ids.secret(32)).isNotEqualTo(Ids.secret(32));
    }

    @Test
    void aHumanCodeIsGroupsOfFourCrockfordCharacters() {
        assertThat(Ids.humanCode(3)).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(Ids.humanCode(1)).matches("[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(Ids.humanCode(0)).isEmpty();
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) for (char c : Ids.humanCode(2).replace("-", "").toCharArray()) used.add(c);
        assertThat(used).as("the whole alphabet is drawn from").hasSize(32);
    }
}
