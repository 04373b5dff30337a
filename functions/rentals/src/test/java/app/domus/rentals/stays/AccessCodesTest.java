package app.domus.rentals.stays;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessCodesTest {
    private final AccessCodes codes = new AccessCodes(() -> "one key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8));
    private final AccessCodes otherKey = new AccessCodes(() -> "another key of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void codesFollowFromTheNonceAndTheKeyAlone() {
        String nonce = codes.newNonce();
        assertThat(codes.accessCode("r1", nonce)).isEqualTo(codes.accessCode("r1", nonce));
        assertThat(codes.keypadCode("r1", nonce)).isEqualTo(codes.keypadCode("r1", nonce));
        assertThat(otherKey.accessCode("r1", nonce)).isNotEqualTo(codes.accessCode("r1", nonce));
        assertThat(codes.accessCode("r2", nonce)).isNotEqualTo(codes.accessCode("r1", nonce));
        assertThat(codes.newNonce()).isNotEqualTo(nonce);
    }

    @Test
    void keypadCodesAreWhatNukiKeypadsTakeAndSpreadEvenly() {
        Map<Character, Integer> digits = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String code = codes.keypadCode("r" + i, codes.newNonce());
            assertThat(code).matches("[1-9]{6}").doesNotStartWith("12");
            seen.add(code);
            for (char c : code.toCharArray()) digits.merge(c, 1, Integer::sum);
        }
        assertThat(seen).hasSizeGreaterThan(2980); // 531,441 codes: a handful of meetings at most
        // 18,000 digits over 9 values: 2,000 each expected; a bias of a few percent would show.
        assertThat(digits).hasSize(9).allSatisfy((d, n) -> assertThat(n).isBetween(1800, 2200));
    }

    @Test
    void accessCodesUseOnlyTheUnambiguousAlphabetAndAreCheckedForgivingCaseAndDashes() {
        Map<Character, Integer> letters = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.accessCode("r" + i, codes.newNonce());
            assertThat(code).hasSize(8).matches("[" + AccessCodes.ALPHABET + "]{8}");
            for (char c : code.toCharArray()) letters.merge(c, 1, Integer::sum);
        }
        assertThat(letters).hasSize(AccessCodes.ALPHABET.length()).allSatisfy((c, n) -> assertThat(n).isBetween(500, 780)); // 640 expected

        String code = codes.accessCode("r1", "n");
        String stored = codes.hash("r1", code);
        assertThat(codes.matches("r1", code.substring(0, 4).toLowerCase() + "-" + code.substring(4), stored)).isTrue();
        assertThat(codes.matches("r2", code, stored)).as("another stay's scope").isFalse();
        assertThat(codes.matches("r1", code.substring(1) + "X", stored)).isFalse();
        assertThat(codes.matches("r1", "", stored)).isFalse();
        assertThat(otherKey.matches("r1", code, stored)).isFalse();
    }
}
