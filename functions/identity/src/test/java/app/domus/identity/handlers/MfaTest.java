package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.login.MfaChallengeItem;
import app.domus.identity.mfa.Totp;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MfaTest {
    private static final Duration STEP = Duration.ofSeconds(30);

    private final IdentityFixture fx = new IdentityFixture();
    private final Account account = fx.signUp("mira@example.test");

    private Response setup() {
        return fx.call(fx.mfaSetupHandler, fx.as(account.accessToken(), IdentityFixture.post("/auth/mfa/setup", "")));
    }

    private Response enable(String code) {
        return fx.call(fx.mfaEnableHandler, fx.as(account.accessToken(),
                IdentityFixture.post("/auth/mfa/enable", IdentityFixture.body("code", code))));
    }

    private Response disable(String code) {
        return fx.call(fx.mfaDisableHandler, fx.as(account.accessToken(),
                IdentityFixture.post("/auth/mfa/disable", IdentityFixture.body("code", code))));
    }

    /** Signs in with the password; with two-factor on this is the challenge's token. */
    private String challenge() {
        Response r = fx.login(account.email(), PASSWORD).assertStatus(200);
        assertThat(r.json().path("mfaRequired").asBoolean()).isTrue();
        return r.text("mfaToken");
    }

    private String now(String secret) {
        return Totp.codeAt(secret, fx.clock.instant());
    }

    @Test
    void setupGivesASecretAndAnAuthenticatorUriButChangesNothingYet() {
        Response r = setup().assertStatus(200);

        String secret = r.text("secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(r.text("otpauthUri"))
                .startsWith("otpauth://totp/Domus:mira%40example.test?")
                .contains("secret=" + secret)
                .contains("issuer=Domus")
                .contains("digits=6")
                .contains("period=30");
        assertThat(fx.storedUser(account.userId()).mfaOn()).isFalse();
        assertThat(fx.storedUser(account.userId()).getMfaPendingSecret()).isEqualTo(secret);
        assertThat(fx.login(account.email(), PASSWORD).json().has("accessToken")).isTrue();
    }

    @Test
    void enableWithAWrongCodeIsRefusedAndLeavesTwoFactorOff() {
        String secret = setup().assertStatus(200).text("secret");
        String wrong = Totp.codeAt(secret, fx.clock.instant().plus(Duration.ofMinutes(10)));

        enable(wrong).assertProblem(401, "invalid-mfa-code");

        assertThat(fx.storedUser(account.userId()).mfaOn()).isFalse();
        assertThat(fx.login(account.email(), PASSWORD).json().has("accessToken")).isTrue();
    }

    @Test
    void enableWithoutSetupIsAStateError() {
        enable("123456").assertProblem(409, "invalid-state");
    }

    @Test
    void enableGivesTenRecoveryCodesKeptOnlyAsHashes() {
        String secret = setup().text("secret");

        Response r = enable(now(secret)).assertStatus(200);

        assertThat(r.json().path("mfaEnabled").asBoolean()).isTrue();
        List<String> codes = codes(r.json().path("recoveryCodes"));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        UserItem user = fx.storedUser(account.userId());
        assertThat(user.mfaOn()).isTrue();
        assertThat(user.getMfaSecret()).isEqualTo(secret);
        assertThat(user.getMfaPendingSecret()).isNull();
        assertThat(user.getRecoveryCodeHashes()).containsExactlyInAnyOrderElementsOf(codes.stream().map(TokenHash::of).toList())
                .doesNotContainAnyElementsOf(codes);
        setup().assertProblem(409, "invalid-state");
    }

    @Nested
    class WhenEnabled {
        private String secret;
        private List<String> recoveryCodes;

        @BeforeEach
        void enableTwoFactor() {
            secret = setup().text("secret");
            recoveryCodes = codes(enable(now(secret)).assertStatus(200).json().path("recoveryCodes"));
            // the code that enabled two-factor sign-in is spent; the next sign-in uses the next step's code
            fx.clock.advance(STEP);
        }

        @Test
        void passwordAloneNoLongerSignsIn() {
            Response r = fx.login(account.email(), PASSWORD).assertStatus(200);

            assertThat(r.json().path("mfaRequired").asBoolean()).isTrue();
            assertThat(r.text("mfaToken")).matches("[A-Za-z0-9_-]{43}");
            assertThat(r.json().has("accessToken")).isFalse();
            assertThat(r.json().has("refreshToken")).isFalse();
            assertThat(r.json().has("user")).isFalse();
            assertThat(fx.count("USER#" + account.userId(), "SESSION#")).isEqualTo(1); // only the registration's
        }

        @Test
        void theCurrentCodeCompletesTheSignIn() {
            String mfaToken = challenge();

            Response r = fx.mfaVerify(mfaToken, now(secret)).assertStatus(200);

            assertThat(fx.verify(r.text("accessToken")).getSubject()).isEqualTo(account.userId());
            assertThat(r.json().path("user").path("mfaEnabled").asBoolean()).isTrue();
            fx.refresh(r.text("refreshToken")).assertStatus(200);
            assertThat(fx.table.get(MfaChallengeItem.class, MfaChallengeItem.pk(TokenHash.of(mfaToken)), MfaChallengeItem.SK))
                    .as("challenge spent").isEmpty();
            fx.mfaVerify(mfaToken, now(secret)).assertProblem(401, "invalid-token");
        }

        @Test
        void theCodeOfTheEnablingStepCannotBeReplayed() {
            fx.clock.advance(STEP.negated());
            fx.mfaVerify(challenge(), now(secret)).assertProblem(401, "invalid-mfa-code");
        }

        @Test
        void aWrongCodeIsRefused() {
            String mfaToken = challenge();
            String wrong = Totp.codeAt(secret, fx.clock.instant().plus(Duration.ofMinutes(5)));

            fx.mfaVerify(mfaToken, wrong).assertProblem(401, "invalid-mfa-code");

            fx.mfaVerify(mfaToken, now(secret)).assertStatus(200);
        }

        @Test
        void aCodeWorksOnceEvenAcrossChallenges() {
            String code = now(secret);
            fx.mfaVerify(challenge(), code).assertStatus(200);

            fx.mfaVerify(challenge(), code).assertProblem(401, "invalid-mfa-code");

            fx.clock.advance(STEP);
            fx.mfaVerify(challenge(), now(secret)).assertStatus(200);
        }

        @Test
        void codesOfTheNeighbouringStepsAreAcceptedForClockDriftButNoOlderOnes() {
            fx.clock.advance(STEP.multipliedBy(2)); // three steps after the enabling one

            fx.mfaVerify(challenge(), codeAt(-2)).assertProblem(401, "invalid-mfa-code");
            fx.mfaVerify(challenge(), codeAt(-1)).assertStatus(200);
            fx.mfaVerify(challenge(), codeAt(+1)).assertStatus(200);
            fx.mfaVerify(challenge(), codeAt(0)).assertProblem(401, "invalid-mfa-code"); // older than the last one used
        }

        private String codeAt(int steps) {
            return Totp.codeAt(secret, fx.clock.instant().plus(STEP.multipliedBy(steps)));
        }

        @Test
        void aRecoveryCodeWorksOnceAndOnlyOnce() {
            String recovery = recoveryCodes.get(3);

            fx.mfaVerify(challenge(), recovery).assertStatus(200);
            fx.mfaVerify(challenge(), recovery).assertProblem(401, "invalid-mfa-code");

            assertThat(fx.storedUser(account.userId()).getRecoveryCodeHashes()).hasSize(9)
                    .doesNotContain(TokenHash.of(recovery));
            fx.mfaVerify(challenge(), recoveryCodes.get(4).toLowerCase()).assertStatus(200);
        }

        @Test
        void fiveWrongCodesEndTheChallenge() {
            String mfaToken = challenge();
            String wrong = Totp.codeAt(secret, fx.clock.instant().plus(Duration.ofMinutes(5)));
            for (int i = 0; i < 5; i++) fx.mfaVerify(mfaToken, wrong).assertProblem(401, "invalid-mfa-code");

            fx.mfaVerify(mfaToken, now(secret)).assertProblem(401, "invalid-token");

            assertThat(fx.table.get(MfaChallengeItem.class, MfaChallengeItem.pk(TokenHash.of(mfaToken)), MfaChallengeItem.SK))
                    .isEmpty();
            // wrong codes count like wrong passwords: five of them lock the account for a while
            fx.login(account.email(), PASSWORD).assertProblem(429, "account-locked");
            fx.clock.advance(Duration.ofMinutes(16));
            fx.mfaVerify(challenge(), now(secret)).assertStatus(200);
        }

        @Test
        void fourWrongCodesStillLeaveTheChallengeUsable() {
            String mfaToken = challenge();
            String wrong = Totp.codeAt(secret, fx.clock.instant().plus(Duration.ofMinutes(5)));
            for (int i = 0; i < 4; i++) fx.mfaVerify(mfaToken, wrong).assertProblem(401, "invalid-mfa-code");

            fx.mfaVerify(mfaToken, now(secret)).assertStatus(200);
        }

        @Test
        void aChallengeExpiresAfterFiveMinutes() {
            String mfaToken = challenge();
            fx.clock.advance(Duration.ofMinutes(6));

            fx.mfaVerify(mfaToken, now(secret)).assertProblem(401, "invalid-token");
        }

        @Test
        void anUnknownChallengeTokenIsInvalid() {
            fx.mfaVerify("B".repeat(43), now(secret)).assertProblem(401, "invalid-token");
        }

        @Test
        void disablingWithACodeTurnsItOff() {
            disable(now(secret)).assertStatus(204);

            UserItem user = fx.storedUser(account.userId());
            assertThat(user.mfaOn()).isFalse();
            assertThat(user.getMfaSecret()).isNull();
            assertThat(user.getRecoveryCodeHashes()).isNullOrEmpty();
            Response login = fx.login(account.email(), PASSWORD).assertStatus(200);
            assertThat(login.json().has("mfaRequired")).isFalse();
            assertThat(login.text("accessToken")).isNotBlank();
        }

        /** A challenge from before two-factor sign-in was turned off (e.g. on another device) must fail cleanly. */
        @Test
        void aChallengeFromBeforeTwoFactorWasTurnedOffIsRefusedNotACrash() {
            String mfaToken = challenge();
            disable(now(secret)).assertStatus(204);
            fx.clock.advance(STEP);

            Response r = fx.mfaVerify(mfaToken, now(secret));

            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.json().path("type").asText()).isIn(
                    IdentityFixture.PROBLEMS + "invalid-token", IdentityFixture.PROBLEMS + "invalid-mfa-code");
        }

        @Test
        void disablingWithARecoveryCodeTurnsItOff() {
            disable(recoveryCodes.get(0)).assertStatus(204);

            assertThat(fx.login(account.email(), PASSWORD).json().has("accessToken")).isTrue();
        }

        @Test
        void disablingWithAWrongCodeLeavesItOn() {
            disable(Totp.codeAt(secret, fx.clock.instant().plus(Duration.ofMinutes(5)))).assertProblem(401, "invalid-mfa-code");

            assertThat(fx.storedUser(account.userId()).mfaOn()).isTrue();
            assertThat(fx.login(account.email(), PASSWORD).json().path("mfaRequired").asBoolean()).isTrue();
        }
    }

    @Test
    void disablingWhenOffIsAStateError() {
        disable("123456").assertProblem(409, "invalid-state");
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(n -> codes.add(n.asText()));
        return codes;
    }
}
