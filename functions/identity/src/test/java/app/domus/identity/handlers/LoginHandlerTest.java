package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.login.LoginAttemptsItem;
import app.domus.identity.sessions.SessionItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginHandlerTest {
    private static final String WRONG = "not the right passphrase";

    @Nested
    class Credentials {
        private final IdentityFixture fx = new IdentityFixture();
        private final Account account = fx.signUp("lena@example.test");

        @Test
        void rightPasswordGivesTokensAndTheUser() {
            Response r = fx.call(fx.loginHandler, IdentityFixture.post("/auth/login",
                            IdentityFixture.body("email", "Lena@Example.test", "password", PASSWORD))
                    .header("User-Agent", "DomusApp/1.0 (iPhone)"))
                    .assertStatus(200);

            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.json().path("user").path("userId").asText()).isEqualTo(account.userId());
            assertThat(r.json().path("user").path("email").asText()).isEqualTo("lena@example.test");
            assertThat(r.json().path("user").path("mfaEnabled").asBoolean(true)).isFalse();
            assertThat(r.json().has("mfaRequired")).isFalse();
            assertThat(r.json().toString()).doesNotContain("passwordHash").doesNotContain("argon2");

            JWTClaimsSet claims = fx.verify(r.text("accessToken"));
            assertThat(claims.getSubject()).isEqualTo(account.userId());
            String sessionId = String.valueOf(claims.getClaim("sid"));
            SessionItem session = fx.table.get(SessionItem.class, "USER#" + account.userId(), SessionItem.sk(sessionId)).orElseThrow();
            assertThat(session.getUserAgent()).isEqualTo("DomusApp/1.0 (iPhone)");
            assertThat(session.getSourceIp()).isEqualTo("203.0.113.10");

            fx.refresh(r.text("refreshToken")).assertStatus(200);
        }

        @Test
        void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
            Response wrongPassword = fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");
            Response unknownEmail = fx.login("nobody@example.test", PASSWORD).assertProblem(401, "invalid-credentials");

            assertThat(withoutCorrelation(unknownEmail)).isEqualTo(withoutCorrelation(wrongPassword));
            assertThat(unknownEmail.headers().keySet()).isEqualTo(wrongPassword.headers().keySet());
            assertThat(wrongPassword.json().has("accessToken")).isFalse();
        }

        /**
         * The policy counts a password's length in characters (code points), up to 128; the login body must accept
         * every password registration accepted, also one whose characters take two UTF-16 units each.
         */
        @Test
        void aLongPasswordOfNonBmpCharactersThatRegistrationAcceptedAlsoSignsIn() {
            String password = "🔑🏠🚪🌳".repeat(20); // 80 characters, 160 UTF-16 units
            fx.register("emoji@example.test", password, fx.invitation().code()).assertStatus(201);

            fx.login("emoji@example.test", password).assertStatus(200);
        }

        @Test
        void failedSignInOpensNoSession() {
            fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");

            assertThat(fx.count("USER#" + account.userId(), "SESSION#")).isEqualTo(1); // the one from registration
        }
    }

    @Nested
    class Lockout {
        private final IdentityFixture fx = new IdentityFixture();
        private final Account account = fx.signUp("max@example.test");

        @Test
        void fiveFailuresLockTheAccountEvenForTheRightPasswordAndFromAnotherAddress() {
            for (int i = 0; i < 5; i++) {
                fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");
                fx.clock.advance(Duration.ofSeconds(30));
            }

            Response locked = fx.login(account.email(), PASSWORD).assertProblem(429, "account-locked");
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(locked.json().has("accessToken")).isFalse();

            fx.login(account.email(), PASSWORD, "198.51.100.7").assertProblem(429, "account-locked");
            fx.login(account.email().toUpperCase(), PASSWORD).assertProblem(429, "account-locked");
        }

        @Test
        void theLockLiftsAfterFifteenMinutes() {
            for (int i = 0; i < 5; i++) fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");
            fx.login(account.email(), PASSWORD).assertProblem(429, "account-locked");

            fx.clock.advance(Duration.ofMinutes(14));
            Response stillLocked = fx.login(account.email(), PASSWORD).assertProblem(429, "account-locked");
            assertThat(Long.parseLong(stillLocked.header("Retry-After"))).isBetween(1L, 60L);

            fx.clock.advance(Duration.ofMinutes(2));
            fx.login(account.email(), PASSWORD).assertStatus(200);
        }

        @Test
        void aSuccessfulSignInResetsTheCount() {
            for (int i = 0; i < 4; i++) fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");
            fx.login(account.email(), PASSWORD).assertStatus(200);
            for (int i = 0; i < 4; i++) fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");

            fx.login(account.email(), PASSWORD).assertStatus(200);
        }

        @Test
        void failuresOutsideTheFifteenMinuteWindowDoNotAddUp() {
            for (int i = 0; i < 4; i++) fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");
            fx.clock.advance(Duration.ofMinutes(16));
            fx.login(account.email(), WRONG).assertProblem(401, "invalid-credentials");

            fx.login(account.email(), PASSWORD).assertStatus(200);
        }

        @Test
        void unknownAddressesLockLikeRealOnesSoTheLockRevealsNothing() {
            for (int i = 0; i < 5; i++) fx.login("ghost@example.test", WRONG).assertProblem(401, "invalid-credentials");

            fx.login("ghost@example.test", WRONG).assertProblem(429, "account-locked");
            assertThat(fx.table.get(LoginAttemptsItem.class, LoginAttemptsItem.pk("ghost@example.test"), LoginAttemptsItem.SK))
                    .hasValueSatisfying(a -> assertThat(a.getLockedUntilMillis()).isGreaterThan(fx.clock.millis()));
        }

        @Test
        void oneLockedAccountDoesNotLockAnother() {
            Account other = fx.signUp("other@example.test");
            for (int i = 0; i < 5; i++) fx.login(account.email(), WRONG);

            fx.login(account.email(), PASSWORD).assertProblem(429, "account-locked");
            fx.login(other.email(), PASSWORD).assertStatus(200);
        }
    }

    @Nested
    class PerAddressLimit {
        private final IdentityFixture fx = new IdentityFixture(Map.of("LOGINS_PER_IP_PER_MINUTE", "3"));
        private final Account account = fx.signUp("ida@example.test");

        @Test
        void tooManySignInsFromOneAddressAreRefusedWhileOtherAddressesGoOn() {
            String ip = "192.0.2.44";
            fx.login(account.email(), PASSWORD, ip).assertStatus(200);
            fx.login(account.email(), WRONG, ip).assertProblem(401, "invalid-credentials");
            fx.login("someone@example.test", WRONG, ip).assertProblem(401, "invalid-credentials");

            Response limited = fx.login(account.email(), PASSWORD, ip).assertProblem(429, "too-many-requests");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(limited.json().has("accessToken")).isFalse();

            fx.login(account.email(), PASSWORD, "192.0.2.45").assertStatus(200);

            fx.clock.advance(Duration.ofMinutes(1));
            fx.login(account.email(), PASSWORD, ip).assertStatus(200);
        }
    }

    private static ObjectNode withoutCorrelation(Response r) {
        ObjectNode json = (ObjectNode) r.json().deepCopy();
        json.remove("correlationId");
        return json;
    }
}
