package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static app.domus.identity.handlers.IdentityFixture.body;
import static app.domus.identity.handlers.IdentityFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.tokens.TokenHash;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.verification.EmailVerificationItem;
import app.domus.identity.verification.VerificationEvents;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.notify.Category;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Portal sign-up, e-mail verification (links, single use, expiry, resends) and the verified state in tokens and /auth/me. */
class EmailVerificationTest {
    private final IdentityFixture fx = new IdentityFixture(Map.of("PORTAL_SIGNUPS_PER_IP_PER_HOUR", "4"));

    private Response signUp(String email, String password, String ip) {
        return fx.call(fx.portalSignUpHandler, post("/portal/signup", body("email", email, "password", password, "name", "Paula Portal"))
                .sourceIp(ip));
    }

    /** Hands the verification consumer the events written since the last call, as its queue would. */
    private void deliver() {
        List<DomainEvent> events = fx.events.all();
        fx.events.clear();
        for (DomainEvent event : events) {
            if (!event.type().equals(VerificationEvents.REQUESTED) && !event.type().equals(VerificationEvents.SIGN_UP_REPEATED)) continue;
            assertThat(SqsEvents.failed(fx.verificationEmails.handleRequest(SqsEvents.batch(event), new TestContext()))).isEmpty();
        }
    }

    /** The token of the newest verification e-mail to this address. */
    private String linkToken(String email) {
        NotificationRequest mail = fx.notifications.ofTemplate(VerificationEmailsHandler.VERIFY_TEMPLATE).stream()
                .filter(n -> email.equals(n.email())).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no link to " + email));
        String link = mail.data().get("link");
        assertThat(link).startsWith("https://portal.test/verify-email?token=");
        return link.substring(link.indexOf("token=") + 6);
    }

    private Response verify(String token) {
        return fx.call(fx.verifyEmailHandler, post("/auth/verify-email", body("token", token)));
    }

    private String userIdOf(String email) {
        return fx.verify(fx.signIn(email, PASSWORD).accessToken()).getSubject();
    }

    @Test
    void aSignUpMakesAnUnverifiedPortalUserWithNoMembershipAndEmailsTheLinkWhichNoEventCarries() {
        Response r = signUp("Paula@Example.test", PASSWORD, "198.51.100.1").assertStatus(202);
        assertThat(r.text("status")).isEqualTo("verification-sent");

        DomainEvent requested = fx.events.ofType(VerificationEvents.REQUESTED).getFirst();
        deliver();
        NotificationRequest mail = fx.notifications.ofTemplate(VerificationEmailsHandler.VERIFY_TEMPLATE).getFirst();
        assertThat(mail.email()).isEqualTo("paula@example.test");
        assertThat(mail.category()).isEqualTo(Category.ACCOUNT);
        String token = linkToken("paula@example.test");
        assertThat(requested.payload().toString()).as("the token is made by the consumer, not carried by the event").doesNotContain(token);
        assertThat(fx.table.get(EmailVerificationItem.class, EmailVerificationItem.pk(TokenHash.of(token)), EmailVerificationItem.SK))
                .as("stored as its hash").isPresent();
        assertThat(fx.count("EMAILVERIFY#" + token, "")).as("never in the clear").isZero();

        var session = fx.signIn("paula@example.test", PASSWORD);
        var claims = fx.verify(session.accessToken());
        assertThat(claims.getClaim("email_verified")).isEqualTo(false);
        UserItem user = fx.storedUser(claims.getSubject());
        assertThat(user.getAccountType()).isEqualTo(UserItem.PORTAL);
        assertThat(user.getDisplayName()).isEqualTo("Paula Portal");
        assertThat(fx.table.all(MembershipItem.class, MembershipItem.pk(user.getId()), "MEMBER#")).isEmpty();
        Response me = fx.call(fx.meHandler, fx.as(session.accessToken(), HttpEvents.request("GET", "/auth/me"))).assertStatus(200);
        assertThat(me.json().path("emailVerified").asBoolean(true)).isFalse();
        assertThat(me.json().path("accountType").asText()).isEqualTo("portal");
        assertThat(me.json().path("memberships")).isEmpty();
    }

    @Test
    void theLinkVerifiesOnceAndTheNextTokensSayVerified() {
        signUp("paula@example.test", PASSWORD, "198.51.100.1").assertStatus(202);
        deliver();
        String token = linkToken("paula@example.test");

        Response verified = verify(token).assertStatus(200);
        assertThat(verified.json().path("emailVerified").asBoolean()).isTrue();
        verify(token).assertProblem(401, "invalid-token");

        var session = fx.signIn("paula@example.test", PASSWORD);
        assertThat(fx.verify(session.accessToken()).getClaim("email_verified")).isEqualTo(true);
        assertThat(fx.verify(fx.refresh(session.refreshToken()).text("accessToken")).getClaim("email_verified"))
                .as("a refreshed token too").isEqualTo(true);
        Response me = fx.call(fx.meHandler, fx.as(session.accessToken(), HttpEvents.request("GET", "/auth/me")));
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void aLinkExpiresAfter24HoursAndAnUnknownTokenIsRefused() {
        signUp("paula@example.test", PASSWORD, "198.51.100.1").assertStatus(202);
        deliver();
        String token = linkToken("paula@example.test");
        fx.clock.advance(EmailVerification.LIFETIME.plusSeconds(1));
        verify(token).assertProblem(401, "invalid-token");
        verify("A".repeat(43)).assertProblem(401, "invalid-token");
        verify("short").assertProblem(400, "validation-error");
        assertThat(fx.storedUser(userIdOf("paula@example.test")).emailVerified()).isFalse();
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndItsOwnerAnEmailWhileNothingChanges() {
        Response first = signUp("paula@example.test", PASSWORD, "198.51.100.1").assertStatus(202);
        deliver();
        verify(linkToken("paula@example.test")).assertStatus(200);
        long users = fx.users();

        Response again = signUp("Paula@example.test", "another long password 42", "198.51.100.2").assertStatus(202);
        assertThat(again.body()).as("the same answer either way").isEqualTo(first.body());
        assertThat(fx.users()).isEqualTo(users);
        assertThat(fx.events.types()).containsExactly(VerificationEvents.SIGN_UP_REPEATED);
        deliver();
        assertThat(fx.notifications.ofTemplate(VerificationEmailsHandler.EXISTING_TEMPLATE)).singleElement()
                .satisfies(n -> assertThat(n.email()).isEqualTo("paula@example.test"));
        fx.login("paula@example.test", "another long password 42").assertProblem(401, "invalid-credentials");
        fx.login("paula@example.test", PASSWORD).assertStatus(200);

        // A resident's address, registered with an invitation, answers the same too.
        fx.signUp("resident@example.test");
        fx.events.clear();
        assertThat(signUp("resident@example.test", PASSWORD, "198.51.100.3").assertStatus(202).body()).isEqualTo(first.body());
        assertThat(fx.events.types()).as("unverified: a new link instead").containsExactly(VerificationEvents.REQUESTED);
    }

    @Test
    void signUpsAreLimitedPerAddressAndPerClientAddress() {
        for (int i = 0; i < 3; i++) signUp("paula@example.test", PASSWORD, "198.51.100." + (10 + i)).assertStatus(202);
        signUp("paula@example.test", PASSWORD, "198.51.100.20").assertProblem(429, "too-many-requests");
        for (int i = 0; i < 4; i++) signUp("p" + i + "@example.test", PASSWORD, "203.0.113.99").assertStatus(202);
        Response fifth = signUp("p9@example.test", PASSWORD, "203.0.113.99").assertProblem(429, "too-many-requests");
        assertThat(fifth.header("Retry-After")).isNotNull();
        assertThat(fx.table.get(app.domus.shared.directory.EmailItem.class,
                app.domus.shared.directory.EmailItem.pk("p9@example.test"), app.domus.shared.directory.EmailItem.SK)).isEmpty();
        fx.clock.advance(Duration.ofHours(1));
        signUp("p9@example.test", PASSWORD, "203.0.113.99").assertStatus(202);
    }

    @Test
    void aResendSendsANewLinkUpToTheLimitAndNothingOnceVerified() {
        signUp("paula@example.test", PASSWORD, "198.51.100.1").assertStatus(202);
        deliver();
        String first = linkToken("paula@example.test");
        String access = fx.signIn("paula@example.test", PASSWORD).accessToken();
        for (int i = 0; i < EmailVerification.RESENDS_PER_HOUR; i++) {
            Response resent = fx.call(fx.resendHandler, fx.as(access, post("/auth/verify-email/resend", ""))).assertStatus(202);
            assertThat(resent.json().path("sent").asBoolean()).isTrue();
        }
        fx.call(fx.resendHandler, fx.as(access, post("/auth/verify-email/resend", ""))).assertProblem(429, "too-many-requests");
        deliver();
        String newest = linkToken("paula@example.test");
        assertThat(newest).isNotEqualTo(first);
        assertThat(fx.notifications.ofTemplate(VerificationEmailsHandler.VERIFY_TEMPLATE)).hasSize(1 + EmailVerification.RESENDS_PER_HOUR);
        verify(first).assertStatus(200); // an earlier link stays good until used or expired
        verify(newest).assertStatus(200); // verified already: the link is spent all the same

        fx.clock.advance(Duration.ofHours(1));
        Response none = fx.call(fx.resendHandler, fx.as(access, post("/auth/verify-email/resend", ""))).assertStatus(202);
        assertThat(none.json().path("sent").asBoolean()).isFalse();
        assertThat(fx.events.ofType(VerificationEvents.REQUESTED)).isEmpty();
        fx.call(fx.resendHandler, post("/auth/verify-email/resend", "")).assertProblem(401, "unauthorized");
    }

    @Test
    void anInvitationNamingTheAddressVerifiesItAndOneWithoutAsksForTheLink() {
        var named = fx.invitation("OWNER", fx.clock.instant().plus(Duration.ofDays(7)), "olga@example.test");
        Response olga = fx.register("olga@example.test", PASSWORD, named.code()).assertStatus(201);
        assertThat(fx.verify(olga.text("token")).getClaim("email_verified")).isEqualTo(true);
        assertThat(fx.events.types()).containsExactly("UserRegistered", "SignInSucceeded");
        fx.events.clear();

        Response tina = fx.register("tina@example.test", PASSWORD, fx.invitation().code()).assertStatus(201);
        assertThat(fx.verify(tina.text("token")).getClaim("email_verified")).isEqualTo(false);
        assertThat(fx.events.types()).containsExactlyInAnyOrder("UserRegistered", VerificationEvents.REQUESTED, "SignInSucceeded");
        deliver();
        verify(linkToken("tina@example.test")).assertStatus(200);
        assertThat(fx.storedUser(tina.text("userId")).emailVerified()).isTrue();
        assertThat(fx.storedUser(tina.text("userId")).getAccountType()).as("a resident").isNull();
    }
}
