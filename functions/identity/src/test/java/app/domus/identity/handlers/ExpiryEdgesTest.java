package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.handlers.IdentityFixture.Invitation;
import app.domus.identity.sessions.SessionService;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.verification.VerificationEvents;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expiring thing at its exact instant: which side of {@code expiresAt} still works. */
class ExpiryEdgesTest {
    private final IdentityFixture fx = new IdentityFixture();

    private static ProblemType refusal(Runnable work) {
        ApiException e = catchThrowableOfType(ApiException.class, work::run);
        assertThat(e).as("refused").isNotNull();
        return e.type();
    }

    @Test
    void anInvitationStillRegistersAtItsExpiryInstantButNotAMillisecondLater() {
        Instant expires = fx.clock.instant().plus(Duration.ofDays(1));
        Invitation atExpiry = fx.invitation("OWNER", expires, null);
        Invitation after = fx.invitation("OWNER", expires, null);

        fx.clock.set(expires);
        fx.register("at@example.test", IdentityFixture.PASSWORD, atExpiry.code()).assertStatus(201);

        fx.clock.set(expires.plusMillis(1));
        fx.register("after@example.test", IdentityFixture.PASSWORD, after.code()).assertProblem(410, "invitation-expired");
    }

    @Test
    void anInvitationForAnAddressAcceptsItInAnotherCaseAndStoresItLowerCase() {
        Invitation invitation = fx.invitation("TENANT", fx.clock.instant().plus(Duration.ofDays(7)), "Meant@Example.test");

        String userId = fx.register("MEANT@example.TEST", IdentityFixture.PASSWORD, invitation.code()).assertStatus(201).text("userId");

        assertThat(fx.storedUser(userId).getEmail()).isEqualTo("meant@example.test");
        assertThat(fx.storedUser(userId).emailVerified()).isTrue();
    }

    @Test
    void aVerificationLinkWorksUntilItsLastMillisecondAndNotAtItsExpiry() {
        Account a = fx.signUp("vera@example.test");
        Account b = fx.signUp("vito@example.test");
        Instant issuedAt = fx.clock.instant();
        String early = fx.verification.issue(new VerificationEvents.Requested("r1", a.userId(), a.email(), "test"));
        String late = fx.verification.issue(new VerificationEvents.Requested("r2", b.userId(), b.email(), "test"));

        fx.clock.set(issuedAt.plus(EmailVerification.LIFETIME).minusMillis(1));
        EmailVerification.Verified verified = fx.verification.verify(early);
        assertThat(verified).isEqualTo(new EmailVerification.Verified(a.userId(), "vera@example.test", true));
        assertThat(fx.storedUser(a.userId()).getEmailVerifiedAt()).isEqualTo(fx.clock.instant().toString());

        fx.clock.set(issuedAt.plus(EmailVerification.LIFETIME));
        assertThat(refusal(() -> fx.verification.verify(late))).isEqualTo(ProblemType.INVALID_TOKEN);
        assertThat(fx.storedUser(b.userId()).emailVerified()).isFalse();
    }

    @Test
    void aVerificationLinkStoresTheRequestAndExpiresWithItsTtlADayLater() {
        Account a = fx.signUp("vera@example.test");
        Instant now = fx.clock.instant();

        String token = fx.verification.issue(new VerificationEvents.Requested("r1", a.userId(), "vera@example.test", "test"));

        var item = fx.table.get(app.domus.identity.verification.EmailVerificationItem.class,
                app.domus.identity.verification.EmailVerificationItem.pk(app.domus.identity.tokens.TokenHash.of(token)),
                app.domus.identity.verification.EmailVerificationItem.SK).orElseThrow();
        assertThat(item.getUserId()).isEqualTo(a.userId());
        assertThat(item.getEmail()).isEqualTo("vera@example.test");
        assertThat(Instant.parse(item.getExpiresAt())).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(item.getTtl()).isEqualTo(now.plus(Duration.ofHours(48)).getEpochSecond());
    }

    @Test
    void aLinkForAnAddressTheAccountNoLongerHasVerifiesNothing() {
        Account a = fx.signUp("vera@example.test");
        String token = fx.verification.issue(new VerificationEvents.Requested("r1", a.userId(), "old@example.test", "test"));

        assertThat(refusal(() -> fx.verification.verify(token))).isEqualTo(ProblemType.INVALID_TOKEN);
        assertThat(fx.storedUser(a.userId()).emailVerified()).isFalse();
    }

    @Test
    void theVerificationEmailsDataNamesTheLinkAndTwentyFourHours() {
        assertThat(EmailVerification.linkData("https://portal.test", "tok", "a@example.test")).isEqualTo(Map.of(
                "link", "https://portal.test/verify-email?token=tok", "email", "a@example.test", "hours", "24"));
    }

    @Test
    void aRefreshTokenStillWorksAtItsExpiryInstantButNotAMillisecondLater() {
        Account a = fx.signUp("rita@example.test");
        Instant issuedAt = fx.clock.instant();
        String first = a.refreshToken();

        fx.clock.set(issuedAt.plus(SessionService.REFRESH_LIFETIME));
        String second = fx.refresh(first).assertStatus(200).text("refreshToken");
        Instant rotatedAt = fx.clock.instant();

        fx.clock.set(rotatedAt.plus(SessionService.REFRESH_LIFETIME).plusMillis(1));
        fx.refresh(second).assertProblem(401, "invalid-token");
    }

    @Test
    void aRefreshMovesTheSessionsExpiryOnByThirtyDays() {
        Account a = fx.signUp("rita@example.test");
        fx.clock.advance(Duration.ofDays(3));

        SessionService.Tokens next = fx.sessions.refresh(a.refreshToken());

        var session = fx.table.get(app.domus.identity.sessions.SessionItem.class, app.domus.shared.directory.UserItem.pk(a.userId()),
                app.domus.identity.sessions.SessionItem.sk(next.sessionId())).orElseThrow();
        assertThat(session.getTtl()).isEqualTo(fx.clock.instant().plus(Duration.ofDays(30)).getEpochSecond());
        assertThat(session.getLastUsedAt()).isEqualTo(fx.clock.instant().toString());
    }

    @Test
    void closeAllCountsTheSessionsItEndedAndKeepsTheNamedOne() {
        Account a = fx.signUp("rita@example.test");
        var second = fx.signIn(a.email(), IdentityFixture.PASSWORD);
        fx.signIn(a.email(), IdentityFixture.PASSWORD);

        assertThat(fx.sessions.closeAll(a.userId(), second.sessionId())).isEqualTo(2);
        assertThat(fx.sessions.isOpen(a.userId(), second.sessionId())).isTrue();
        assertThat(fx.sessions.list(a.userId(), second.sessionId())).singleElement()
                .satisfies(s -> assertThat(s.current()).isTrue());
        assertThat(fx.sessions.closeAll(a.userId(), null)).isEqualTo(1);
        assertThat(fx.sessions.isOpen(a.userId(), second.sessionId())).isFalse();
        assertThat(fx.sessions.isOpen(a.userId(), null)).isFalse();
    }
}
