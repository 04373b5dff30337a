package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Account;
import app.domus.identity.mfa.Totp;
import app.domus.identity.security.SecurityEvents;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The audit log's events of an account: each with its person's organisations, none with a secret in it. */
class SecurityEventsTest {
    private static final String NEW_PASSWORD = "a different horse battery staple";

    private final IdentityFixture fx = new IdentityFixture();
    private final Account account = fx.signUp("sina@example.test");
    private final String organisationId = fx.table.all(MembershipItem.class, MembershipItem.pk(account.userId()), "MEMBER#")
            .getFirst().getOrganisationId();

    private JsonNode only(String type) {
        assertThat(fx.events.ofType(type)).hasSize(1);
        DomainEvent event = fx.events.ofType(type).getFirst();
        assertThat(event.organisationId()).as("no organisation in context").isNull();
        String written = Json.write(event);
        assertThat(written).doesNotContain(PASSWORD).doesNotContain(NEW_PASSWORD).doesNotContain("accessToken")
                .doesNotContain("refreshToken");
        return event.payload();
    }

    @Test
    void aSignInRecordsItsSessionSourceAndTheOrganisationsOfThePerson() {
        fx.events.clear();
        var session = fx.signIn(account.email(), PASSWORD);
        JsonNode p = only(SecurityEvents.SIGN_IN_SUCCEEDED);
        assertThat(p.path("userId").asText()).isEqualTo(account.userId());
        assertThat(p.path("sessionId").asText()).isEqualTo(session.sessionId());
        assertThat(p.path("sourceIp").asText()).isEqualTo("203.0.113.10");
        assertThat(p.path("organisationIds")).extracting(JsonNode::asText).containsExactly(organisationId);
    }

    @Test
    void aWrongPasswordForAnAccountRecordsAFailureAndOneForNoAccountNothing() {
        fx.events.clear();
        fx.login(account.email(), "not the password at all", "198.51.100.4").assertProblem(401, "invalid-credentials");
        JsonNode p = only(SecurityEvents.SIGN_IN_FAILED);
        assertThat(p.path("reason").asText()).isEqualTo("wrong_password");
        assertThat(p.path("sourceIp").asText()).isEqualTo("198.51.100.4");
        assertThat(p.path("organisationIds")).extracting(JsonNode::asText).containsExactly(organisationId);
        assertThat(Json.write(p)).doesNotContain("not the password at all");

        fx.events.clear();
        fx.login("nobody@example.test", "not the password at all").assertProblem(401, "invalid-credentials");
        assertThat(fx.events.all()).isEmpty();
    }

    @Test
    void turningTwoFactorOnAndOffAndChangingThePasswordAreRecorded() {
        String secret = fx.call(fx.mfaSetupHandler, fx.as(account.accessToken(), IdentityFixture.post("/auth/mfa/setup", "")))
                .assertStatus(200).text("secret");
        fx.events.clear();
        fx.call(fx.mfaEnableHandler, fx.as(account.accessToken(), IdentityFixture.post("/auth/mfa/enable",
                IdentityFixture.body("code", Totp.codeAt(secret, fx.clock.instant()))))).assertStatus(200);
        assertThat(only(SecurityEvents.MFA_ENABLED).path("userId").asText()).isEqualTo(account.userId());
        assertThat(Json.write(fx.events.all())).doesNotContain(secret);

        fx.clock.advance(java.time.Duration.ofSeconds(60));
        fx.call(fx.mfaDisableHandler, fx.as(account.accessToken(), IdentityFixture.post("/auth/mfa/disable",
                IdentityFixture.body("code", Totp.codeAt(secret, fx.clock.instant()))))).assertStatus(204);
        assertThat(only(SecurityEvents.MFA_DISABLED).path("organisationIds")).extracting(JsonNode::asText).containsExactly(organisationId);

        fx.call(fx.changePasswordHandler, fx.as(account.accessToken(), IdentityFixture.post("/auth/password",
                IdentityFixture.body("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)))).assertStatus(204);
        assertThat(only(SecurityEvents.PASSWORD_CHANGED).path("userId").asText()).isEqualTo(account.userId());
    }
}
