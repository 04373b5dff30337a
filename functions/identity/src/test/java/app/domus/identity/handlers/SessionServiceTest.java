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

    /** A session service whose signing keys, read from a source like SSM, can be made unavailable. */
    private SessionService withKeys(boolean[] unavailable) {
        String document = new com.nimbusds.jose.jwk.JWKSet(app.domus.identity.keys.KeySetSigningKeys.generateKey()).toString(false);
        var keys = new app.domus.identity.keys.KeySetSigningKeys(() -> {
            if (unavailable[0]) throw new IllegalStateException("the key parameter cannot be read");
            return document;
        });
        return new SessionService(fx.table, new app.domus.identity.tokens.TokenIssuer(keys, fx.clock, "https://issuer.test", "domus"),
                fx.clock, fx.security);
    }

    @Test
    void aSignInWhoseTokenCannotBeSignedStoresNoSession() {
        boolean[] unavailable = {true};
        SessionService sessions = withKeys(unavailable);
        var before = sessions.list(user.getId(), null).stream().map(SessionService.SessionView::sessionId).toList();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.open(user, "203.0.113.9", "Browser/1.0"))
                .hasMessageContaining("cannot be read");
        assertThat(sessions.list(user.getId(), null)).extracting(SessionService.SessionView::sessionId).isEqualTo(before);

        unavailable[0] = false;
        SessionService.Tokens opened = sessions.open(user, "203.0.113.9", "Browser/1.0");
        assertThat(sessions.list(user.getId(), opened.sessionId())).extracting(SessionService.SessionView::sessionId)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(before.stream(), java.util.stream.Stream.of(opened.sessionId())).toList());
    }

    @Test
    void aRefreshWhoseTokenCannotBeSignedLeavesTheRefreshTokenUsable() {
        boolean[] unavailable = {false};
        SessionService sessions = withKeys(unavailable);
        SessionService.Tokens opened = sessions.open(user, "203.0.113.9", "Browser/1.0");

        unavailable[0] = true;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.refresh(opened.refreshToken())).hasMessageContaining("cannot be read");
        assertThat(token(opened.refreshToken()).getStatus()).as("not rotated").isEqualTo(RefreshTokenItem.ACTIVE);

        unavailable[0] = false;
        SessionService.Tokens refreshed = sessions.refresh(opened.refreshToken());
        assertThat(refreshed.sessionId()).isEqualTo(opened.sessionId());
        assertThat(token(opened.refreshToken()).getStatus()).isEqualTo(RefreshTokenItem.ROTATED);
        assertThat(session(opened.sessionId()).getCurrentTokenHash()).isEqualTo(TokenHash.of(refreshed.refreshToken()));
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
