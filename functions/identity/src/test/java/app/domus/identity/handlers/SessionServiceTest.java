package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.sessions.RefreshTokenItem;
import app.domus.identity.sessions.SessionItem;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.tokens.TokenHash;
import app.domus.shared.directory.UserItem;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a session and its refresh tokens store when opened and when refreshed. */
class SessionServiceTest {
    private IdentityFixture fx;
    private UserItem user;

    @BeforeEach
    void setUp() {
        fx = new IdentityFixture();
        user = fx.storedUser(fx.signUp("sessions@example.com").userId());
    }

    private SessionItem session(String sessionId) {
        return fx.table.get(SessionItem.class, UserItem.pk(user.getId()), SessionItem.sk(sessionId)).orElseThrow();
    }

    private RefreshTokenItem token(String refreshToken) {
        return fx.table.get(RefreshTokenItem.class, RefreshTokenItem.pk(TokenHash.of(refreshToken)), RefreshTokenItem.SK).orElseThrow();
    }

    @Test
    void anOpenedSessionStoresWhenWhereFromAndItsCurrentToken() {
        fx.clock.advance(Duration.ofMinutes(3));
        Instant now = fx.clock.instant();
        SessionService.Tokens opened = fx.sessions.open(user, "203.0.113.9", "Browser/1.0");

        SessionItem s = session(opened.sessionId());
        assertThat(s.getUserId()).isEqualTo(user.getId());
        assertThat(s.getCreatedAt()).isEqualTo(now.toString());
        assertThat(s.getLastUsedAt()).isEqualTo(now.toString());
        assertThat(s.getSourceIp()).isEqualTo("203.0.113.9");
        assertThat(s.getUserAgent()).isEqualTo("Browser/1.0");
        assertThat(s.getCurrentTokenHash()).isEqualTo(TokenHash.of(opened.refreshToken()));
        assertThat(s.getTtl()).isEqualTo(now.plus(Duration.ofDays(30)).getEpochSecond());

        RefreshTokenItem t = token(opened.refreshToken());
        assertThat(t.getStatus()).isEqualTo(RefreshTokenItem.ACTIVE);
        assertThat(t.getUserId()).isEqualTo(user.getId());
        assertThat(t.getSessionId()).isEqualTo(opened.sessionId());
        assertThat(t.getExpiresAt()).isEqualTo(now.plus(Duration.ofDays(30)).toString());
        assertThat(t.getTtl()).isEqualTo(now.plus(Duration.ofDays(30)).getEpochSecond());
    }

    @Test
    void theUserAgentIsKeptUpToTwoHundredCharacters() {
        String exactly = "a".repeat(200);
        assertThat(session(fx.sessions.open(user, "1.2.3.4", exactly).sessionId()).getUserAgent()).isEqualTo(exactly);
        assertThat(session(fx.sessions.open(user, "1.2.3.4", exactly + "b").sessionId()).getUserAgent()).isEqualTo(exactly);
        assertThat(session(fx.sessions.open(user, "1.2.3.4", null).sessionId()).getUserAgent()).isNull();
    }

    @Test
    void aRefreshRotatesTheTokenAndMovesTheSessionOn() {
        SessionService.Tokens opened = fx.sessions.open(user, "1.2.3.4", "UA");
        fx.clock.advance(Duration.ofHours(2));
        Instant later = fx.clock.instant();

        SessionService.Tokens refreshed = fx.sessions.refresh(opened.refreshToken());

        assertThat(refreshed.sessionId()).isEqualTo(opened.sessionId());
        assertThat(refreshed.refreshToken()).isNotEqualTo(opened.refreshToken());
        assertThat(token(opened.refreshToken()).getStatus()).isEqualTo(RefreshTokenItem.ROTATED);
        RefreshTokenItem next = token(refreshed.refreshToken());
        assertThat(next.getStatus()).isEqualTo(RefreshTokenItem.ACTIVE);
        assertThat(next.getExpiresAt()).isEqualTo(later.plus(Duration.ofDays(30)).toString());
        assertThat(next.getTtl()).isEqualTo(later.plus(Duration.ofDays(30)).getEpochSecond());
        SessionItem s = session(opened.sessionId());
        assertThat(s.getCurrentTokenHash()).isEqualTo(TokenHash.of(refreshed.refreshToken()));
        assertThat(s.getLastUsedAt()).isEqualTo(later.toString());
        assertThat(s.getTtl()).isEqualTo(later.plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(s.getCreatedAt()).isNotEqualTo(later.toString());
    }

    @Test
    void aSessionIsOpenOnlyWhileItsItemExists() {
        SessionService.Tokens opened = fx.sessions.open(user, "1.2.3.4", "UA");
        assertThat(fx.sessions.isOpen(user.getId(), opened.sessionId())).isTrue();
        assertThat(fx.sessions.isOpen(user.getId(), null)).isFalse();
        assertThat(fx.sessions.isOpen(user.getId(), "no-such-session")).isFalse();
        fx.sessions.close(user.getId(), opened.sessionId());
        assertThat(fx.sessions.isOpen(user.getId(), opened.sessionId())).isFalse();
    }
}
