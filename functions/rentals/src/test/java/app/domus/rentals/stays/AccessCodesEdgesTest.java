package app.domus.rentals.stays;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The access code's check at its edges: spaces, nothing, too much. */
class AccessCodesEdgesTest {
    private final AccessCodes codes = new AccessCodes(() -> "test-key-of-32-bytes-for-hmac-256".getBytes(StandardCharsets.UTF_8));

    @Test
    void spacesAroundAndWithinAreForgivenButNothingOrTooMuchIsNoMatch() {
        String code = codes.accessCode("r1", "n");
        String stored = codes.hash("r1", code);
        assertThat(codes.matches("r1", "  " + code.substring(0, 4) + " " + code.substring(4) + " ", stored)).isTrue();
        assertThat(codes.matches("r1", null, stored)).isFalse();
        assertThat(codes.matches("r1", code, null)).isFalse();
        assertThat(codes.matches("r1", " - ", codes.hash("r1", ""))).as("nothing typed").isFalse();
        String long32 = "A".repeat(32);
        assertThat(codes.matches("r1", long32, codes.hash("r1", long32))).isTrue();
        String long33 = "A".repeat(33);
        assertThat(codes.matches("r1", long33, codes.hash("r1", long33))).isFalse();
        assertThat(codes.hash("r1", code)).hasSize(64).isEqualTo(stored).isNotEqualTo(codes.hash("lock|L1", code));
        assertThat(codes.newNonce()).hasSize(22).matches("[A-Za-z0-9_-]+");
    }
}
