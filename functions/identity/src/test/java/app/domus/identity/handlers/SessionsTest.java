package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.handlers.IdentityFixture.Session;
import app.domus.identity.sessions.RefreshTokenItem;
import app.domus.identity.sessions.SessionItem;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.testing.HttpEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final String NEW_PASSWORD = "a completely different passphrase";

    private final IdentityFixture fx = new IdentityFixture();
    private final Account account = fx.signUp("sessions.owner@example.test");

    private Response sessionsOf(Session s) {
        return fx.call(fx.sessionsHandler, fx.as(s.accessToken(), HttpEvents.request("GET", "/auth/sessions")));
    }

    private Response logout(Session s) {
        return fx.call(fx.logoutHandler, fx.as(s.accessToken(), HttpEvents.request("POST", "/auth/logout")));
    }

    private Response logoutAll(Session s) {
        return fx.call(fx.logoutAllHandler, fx.as(s.accessToken(), HttpEvents.request("POST", "/auth/logout-all")));
    }

    private Response changePassword(Session s, String current, String next) {
        return fx.call(fx.changePasswordHandler, fx.as(s.accessToken(), IdentityFixture.post("/auth/password",
                IdentityFixture.body("currentPassword", current, "newPassword", next))));
    }

    /** Ends the session registration opened, so that a test counts only the sessions it opens itself. */
    private void endRegistrationSession() {
        fx.call(fx.logoutAllHandler, fx.as(account.accessToken(), HttpEvents.request("POST", "/auth/logout-all")))
                .assertStatus(200);
    }

    private Session signIn() {
        return fx.signIn(account.email(), PASSWORD);
    }

    @Nested
    class Refresh {
        @Test
        void refreshRotatesTheTokenAndKeepsTheSession() {
            Session s = signIn();
            fx.clock.advance(Duration.ofMinutes(20));

            Response r = fx.refresh(s.refreshToken()).assertStatus(200);

            String rotated = r.text("refreshToken");
            assertThat(rotated).isNotBlank().isNotEqualTo(s.refreshToken());
            JWTClaimsSet claims = fx.verify(r.text("accessToken"));
            assertThat(claims.getSubject()).isEqualTo(account.userId());
            assertThat(claims.getClaim("sid")).isEqualTo(s.sessionId());
            assertThat(claims.getExpirationTime().toInstant()).isEqualTo(fx.clock.instant().plus(Duration.ofMinutes(15)));
            assertThat(fx.table.get(RefreshTokenItem.class, RefreshTokenItem.pk(TokenHash.of(s.refreshToken())), RefreshTokenItem.SK))
                    .hasValueSatisfying(t -> assertThat(t.getStatus()).isEqualTo(RefreshTokenItem.ROTATED));
            assertThat(fx.scan().toString()).as("refresh tokens are stored only as hashes")
                    .doesNotContain(s.refreshToken()).doesNotContain(rotated);
            fx.refresh(rotated).assertStatus(200);
        }

        @Test
        void aSpentTokenIsRefusedAndItsReplayEndsTheWholeSession() {
            Session s = signIn();
            String second = fx.refresh(s.refreshToken()).assertStatus(200).text("refreshToken");
            String third = fx.refresh(second).assertStatus(200).text("refreshToken");

            fx.refresh(s.refreshToken()).assertProblem(401, "invalid-token");

            fx.refresh(third).assertProblem(401, "invalid-token");
            assertThat(fx.table.get(SessionItem.class, "USER#" + account.userId(), SessionItem.sk(s.sessionId()))).isEmpty();
        }

        @Test
        void replayInOneSessionLeavesTheUsersOtherSessionsAlone() {
            Session stolen = signIn();
            Session other = signIn();
            fx.refresh(stolen.refreshToken()).assertStatus(200);

            fx.refresh(stolen.refreshToken()).assertProblem(401, "invalid-token");

            fx.refresh(other.refreshToken()).assertStatus(200);
        }

        @Test
        void anUnknownTokenIsInvalid() {
            fx.refresh("x".repeat(43)).assertProblem(401, "invalid-token");
        }

        @Test
        void aTokenExpiresAfterThirtyDays() {
            Session s = signIn();
            fx.clock.advance(Duration.ofDays(30).plusMinutes(1));

            fx.refresh(s.refreshToken()).assertProblem(401, "invalid-token");
        }
    }

    @Nested
    class Limit {
        @Test
        void theSixthSignInEndsTheOldestSession() {
            endRegistrationSession();
            List<Session> opened = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opened.add(signIn());
                fx.clock.advance(Duration.ofSeconds(1));
            }

            fx.refresh(opened.get(0).refreshToken()).assertProblem(401, "invalid-token");
            for (Session s : opened.subList(1, 6)) fx.refresh(s.refreshToken()).assertStatus(200);
            assertThat(fx.count("USER#" + account.userId(), "SESSION#")).isEqualTo(5);
        }

        /** Instants print with 0, 3, 6 or 9 fraction digits, so their text does not sort like the instants do. */
        @Test
        void theOldestSessionIsEndedEvenWhenCreationTimesDifferOnlyInFractionsOfASecond() {
            endRegistrationSession();
            fx.clock.set(IdentityFixture.START.plusSeconds(60));          // createdAt "...T09:01:00Z"
            Session oldest = signIn();
            fx.clock.advance(Duration.ofMillis(500));                      // createdAt "...T09:01:00.500Z", sorts first as text
            Session second = signIn();
            for (int i = 1; i <= 4; i++) {
                fx.clock.set(IdentityFixture.START.plusSeconds(60 + i));
                signIn();
            }

            fx.refresh(second.refreshToken()).assertStatus(200);
            fx.refresh(oldest.refreshToken()).assertProblem(401, "invalid-token");
        }
    }

    @Nested
    class Listing {
        @Test
        void sessionsAreListedNewestFirstWithTheCurrentOneMarked() {
            endRegistrationSession();
            Session phone = fx.signIn(account.email(), PASSWORD);
            fx.clock.advance(Duration.ofMinutes(1));
            Response laptopLogin = fx.call(fx.loginHandler, IdentityFixture.post("/auth/login",
                            IdentityFixture.body("email", account.email(), "password", PASSWORD))
                    .header("User-Agent", "Firefox/140").sourceIp("198.51.100.20")).assertStatus(200);
            String laptopAccess = laptopLogin.text("accessToken");
            String laptopSid = String.valueOf(fx.verify(laptopAccess).getClaim("sid"));

            JsonNode items = fx.call(fx.sessionsHandler, fx.as(laptopAccess, HttpEvents.request("GET", "/auth/sessions")))
                    .assertStatus(200).json().path("items");

            assertThat(items).hasSize(2);
            assertThat(items.get(0).path("sessionId").asText()).isEqualTo(laptopSid);
            assertThat(items.get(0).path("current").asBoolean()).isTrue();
            assertThat(items.get(0).path("userAgent").asText()).isEqualTo("Firefox/140");
            assertThat(items.get(0).path("sourceIp").asText()).isEqualTo("198.51.100.20");
            assertThat(items.get(1).path("sessionId").asText()).isEqualTo(phone.sessionId());
            assertThat(items.get(1).path("current").asBoolean()).isFalse();
            assertThat(items.toString()).doesNotContain("currentTokenHash").doesNotContain(phone.refreshToken());

            JsonNode fromPhone = sessionsOf(phone).assertStatus(200).json().path("items");
            assertThat(fromPhone.get(1).path("current").asBoolean()).isTrue();
            assertThat(fromPhone.get(0).path("current").asBoolean()).isFalse();
        }

        @Test
        void anotherUsersSessionsAreNotListed() {
            Session mine = signIn();
            Account stranger = fx.signUp("stranger@example.test");
            fx.signIn(stranger.email(), PASSWORD);

            JsonNode items = sessionsOf(mine).assertStatus(200).json().path("items");

            assertThat(items).hasSize(2); // registration's and this one
            items.forEach(i -> assertThat(fx.table.get(SessionItem.class, "USER#" + account.userId(),
                    SessionItem.sk(i.path("sessionId").asText()))).isPresent());
        }
    }

    @Nested
    class Logout {
        @Test
        void logoutEndsOnlyTheCurrentSession() {
            Session a = signIn();
            Session b = signIn();

            logout(a).assertStatus(204);

            fx.refresh(a.refreshToken()).assertProblem(401, "invalid-token");
            fx.refresh(b.refreshToken()).assertStatus(200);
            assertThat(sessionsOf(b).json().path("items").findValuesAsText("sessionId")).doesNotContain(a.sessionId())
                    .contains(b.sessionId());
        }

        @Test
        void logoutAllEndsEverySessionIncludingThisOne() {
            Session a = signIn();
            Session b = signIn();

            Response r = logoutAll(a).assertStatus(200);

            assertThat(r.json().path("sessionsEnded").asInt()).isEqualTo(3); // registration's, a and b
            fx.refresh(a.refreshToken()).assertProblem(401, "invalid-token");
            fx.refresh(b.refreshToken()).assertProblem(401, "invalid-token");
            fx.refresh(account.refreshToken()).assertProblem(401, "invalid-token");
            assertThat(fx.count("USER#" + account.userId(), "SESSION#")).isZero();
        }
    }

    @Nested
    class PasswordChange {
        @Test
        void changingThePasswordEndsEveryOtherSessionButKeepsThisOne() {
            Session here = signIn();
            Session elsewhere = signIn();

            changePassword(here, PASSWORD, NEW_PASSWORD).assertStatus(204);

            fx.refresh(elsewhere.refreshToken()).assertProblem(401, "invalid-token");
            fx.refresh(account.refreshToken()).assertProblem(401, "invalid-token");
            fx.refresh(here.refreshToken()).assertStatus(200);
            fx.login(account.email(), PASSWORD).assertProblem(401, "invalid-credentials");
            fx.login(account.email(), NEW_PASSWORD).assertStatus(200);
            assertThat(fx.storedUser(account.userId()).getPasswordChangedAt()).isEqualTo(fx.clock.instant().toString());
        }

        @Test
        void aWrongCurrentPasswordChangesNothing() {
            Session here = signIn();
            Session elsewhere = signIn();
            String hashBefore = fx.storedUser(account.userId()).getPasswordHash();

            changePassword(here, "not my password at all", NEW_PASSWORD).assertProblem(401, "invalid-credentials");

            assertThat(fx.storedUser(account.userId()).getPasswordHash()).isEqualTo(hashBefore);
            fx.refresh(elsewhere.refreshToken()).assertStatus(200);
            fx.login(account.email(), PASSWORD).assertStatus(200);
        }

        @Test
        void theNewPasswordMustFollowThePolicy() {
            Session here = signIn();

            assertThat(changePassword(here, PASSWORD, "too short").assertProblem(400, "validation-error").fieldErrors())
                    .containsExactly("newPassword");
            assertThat(changePassword(here, PASSWORD, PASSWORD).assertProblem(400, "validation-error").fieldErrors())
                    .containsExactly("newPassword");
            fx.login(account.email(), PASSWORD).assertStatus(200);
        }

        /** PasswordPolicy: "not the e-mail address". Registration enforces it; a password change must too. */
        @Test
        void theNewPasswordMustNotBeTheEmailAddress() {
            Session here = signIn();

            Response r = changePassword(here, PASSWORD, account.email());

            r.assertProblem(400, "validation-error");
            assertThat(r.fieldErrors()).containsExactly("newPassword");
            fx.login(account.email(), PASSWORD).assertStatus(200);
        }
    }
}
