package app.domus.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    /** RFC 6238 appendix B's SHA-1 seed, "12345678901234567890", in base32. */
    private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes()).replace("=", "");

    @ParameterizedTest(name = "T={0}s -> {1}")
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void codesMatchTheRfc6238TestVectors(long epochSeconds, String expected) {
        // the RFC lists 8 digits; authenticator apps show the last 6
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(epochSeconds))).isEqualTo(expected);
    }

    @Test
    void aCodeMatchesItsStepAndTheStepsEitherSideButOnlyAfterTheLastUsedOne() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;
        String secret = Totp.newSecret();

        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), -1, now)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), -1, now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), -1, now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), step, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), step - 1, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, "12345", -1, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, null, -1, now)).isEqualTo(-1);
    }

    @Test
    void newSecretsAre160BitBase32AndDiffer() {
        String a = Totp.newSecret();
        String b = Totp.newSecret();

        assertThat(a).matches("[A-Z2-7]{32}").isNotEqualTo(b);
        assertThat(new Base32().decode(a)).hasSize(20);
    }

    @Test
    void theUriEncodesTheLabelAndCarriesTheParametersAppsNeed() {
        assertThat(Totp.uri("Domus", "a+b@example.test", "ABC"))
                .isEqualTo("otpauth://totp/Domus:a%2Bb%40example.test?secret=ABC&issuer=Domus&algorithm=SHA1&digits=6&period=30");
    }
    @Test
    void codesTwoStepsAwayAreRefusedAndAStepAfterTheLastUsedOneIsAccepted() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = now.getEpochSecond() / 30;
        String secret = Totp.newSecret();

        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), -1, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), -1, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), step - 1, now)).isEqualTo(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), step, now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(null, Totp.code(secret, step), -1, now)).isEqualTo(-1);
    }

    @Test
    void aStepBeginsAtItsThirtySecondBoundary() {
        String secret = Totp.newSecret();
        long step = 60_000_000L;

        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(step * 30))).isEqualTo(Totp.code(secret, step));
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(step * 30 + 29))).isEqualTo(Totp.code(secret, step));
        assertThat(Totp.codeAt(secret, Instant.ofEpochSecond(step * 30 - 1))).isEqualTo(Totp.code(secret, step - 1));
    }
}
