package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.AUDIENCE;
import static app.domus.identity.handlers.IdentityFixture.ISSUER;
import static app.domus.identity.handlers.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Invitation;
import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.shared.directory.EmailItem;
import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.MembershipItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.DomainEvent;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RegisterHandlerTest {
    private final IdentityFixture fx = new IdentityFixture();

    @Test
    void registrationCreatesTheUserClaimsTheEmailGrantsTheMembershipAndSpendsTheInvitation() {
        Invitation invitation = fx.invitation();

        Response r = fx.call(fx.registerHandler, IdentityFixture.post("/auth/register", IdentityFixture.body(
                "email", "Anna.Berger@Example.test", "password", PASSWORD, "invitationCode", invitation.code(),
                "displayName", "Anna Berger")));

        r.assertStatus(201);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Location")).isEqualTo("/auth/me");
        String userId = r.text("userId");
        assertThat(userId).matches("[0-9A-Z]{26}");
        assertThat(r.text("refreshToken")).isNotBlank();

        JWTClaimsSet claims = fx.verify(r.text("token"));
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getClaim("email")).isEqualTo("anna.berger@example.test");
        assertThat(claims.getClaim("sid")).isNotNull();
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(fx.clock.instant());
        assertThat(Duration.between(fx.clock.instant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(15));

        UserItem user = fx.storedUser(userId);
        assertThat(user.getEmail()).isEqualTo("anna.berger@example.test");
        assertThat(user.getDisplayName()).isEqualTo("Anna Berger");
        assertThat(user.getPasswordHash()).startsWith("$argon2id$").doesNotContain(PASSWORD);
        assertThat(user.mfaOn()).isFalse();

        EmailItem claim = fx.table.get(EmailItem.class, EmailItem.pk("anna.berger@example.test"), EmailItem.SK).orElseThrow();
        assertThat(claim.getUserId()).isEqualTo(userId);

        List<MembershipItem> memberships = fx.table.all(MembershipItem.class, MembershipItem.pk(userId), "MEMBER#");
        assertThat(memberships).singleElement().satisfies(m -> {
            assertThat(m.getOrganisationId()).isEqualTo(invitation.organisationId());
            assertThat(m.getRole()).isEqualTo("OWNER");
            assertThat(m.getBuildingId()).isEqualTo(invitation.buildingId());
            assertThat(m.getUnitId()).isEqualTo(invitation.unitId());
        });

        InvitationItem spent = fx.storedInvitation(invitation.code());
        assertThat(spent.getStatus()).isEqualTo(InvitationItem.USED);
        assertThat(spent.getUsedBy()).isEqualTo(userId);

        assertThat(fx.events.ofType("UserRegistered")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("UserRegistered");
            assertThat(e.organisationId()).isEqualTo(invitation.organisationId());
            assertThat(e.payload().path("userId").asText()).isEqualTo(userId);
            assertThat(e.payload().path("email").asText()).isEqualTo("anna.berger@example.test");
            assertThat(e.payload().path("role").asText()).isEqualTo("owner");
            assertThat(e.payload().path("unitId").asText()).isEqualTo(invitation.unitId());
        });

        // the refresh token handed out at registration belongs to a live session
        fx.refresh(r.text("refreshToken")).assertStatus(200);
    }

    @Test
    void anOrganisationWideInvitationGrantsTheRoleWithoutABuildingOrUnit() {
        Invitation invitation = fx.organisationInvitation("ORG_ADMIN");

        String userId = fx.register("admin@example.test", PASSWORD, invitation.code()).assertStatus(201).text("userId");

        assertThat(fx.table.all(MembershipItem.class, MembershipItem.pk(userId), "MEMBER#")).singleElement().satisfies(m -> {
            assertThat(m.getRole()).isEqualTo("ORG_ADMIN");
            assertThat(m.getBuildingId()).isNull();
            assertThat(m.getUnitId()).isNull();
        });
        assertThat(fx.events.ofType("UserRegistered")).singleElement().satisfies(e -> {
            assertThat(e.payload().path("role").asText()).isEqualTo("org_admin");
            // consumers read these ids; the text "null" would send them looking for BUILDING#null
            assertThat(e.payload().path("buildingId").isTextual()).as("buildingId in %s", e.payload()).isFalse();
            assertThat(e.payload().path("unitId").isTextual()).as("unitId in %s", e.payload()).isFalse();
        });
    }

    @Test
    void theNewAccountCanSignInWithItsPassword() {
        Invitation invitation = fx.invitation();
        String userId = fx.register("carla@example.test", PASSWORD, invitation.code()).assertStatus(201).text("userId");

        Response login = fx.login("carla@example.test", PASSWORD).assertStatus(200);

        assertThat(login.json().path("user").path("userId").asText()).isEqualTo(userId);
    }

    @Test
    void unknownCodeIsNotFound() {
        fx.register("a@example.test", PASSWORD, "ABCD-EFGH-JKMN").assertProblem(404, "invitation-not-found");
        assertNothingStored();
    }

    @Test
    void usedCodeIsRefusedAsUsed() {
        Invitation invitation = fx.invitation();
        fx.register("first@example.test", PASSWORD, invitation.code()).assertStatus(201);

        fx.register("second@example.test", PASSWORD, invitation.code()).assertProblem(409, "invitation-used");

        assertThat(fx.users()).isEqualTo(1);
        assertThat(fx.table.get(EmailItem.class, EmailItem.pk("second@example.test"), EmailItem.SK)).isEmpty();
    }

    @Test
    void expiredCodeIsGone() {
        Invitation invitation = fx.invitation("OWNER", fx.clock.instant().plus(Duration.ofDays(1)), null);
        fx.clock.advance(Duration.ofDays(1).plusSeconds(1));

        fx.register("late@example.test", PASSWORD, invitation.code()).assertProblem(410, "invitation-expired");

        assertNothingStored();
        assertThat(fx.storedInvitation(invitation.code()).getStatus()).isEqualTo(InvitationItem.OPEN);
    }

    @Test
    void codeMeantForAnotherAddressLooksUnknown() {
        Invitation invitation = fx.invitation("TENANT", fx.clock.instant().plus(Duration.ofDays(7)), "meant@example.test");

        fx.register("other@example.test", PASSWORD, invitation.code()).assertProblem(404, "invitation-not-found");
        assertNothingStored();

        fx.register("MEANT@example.test", PASSWORD, invitation.code()).assertStatus(201);
    }

    @Test
    void malformedCodeIsAValidationErrorOnTheCodeField() {
        Response r = fx.register("a@example.test", PASSWORD, "abcd-efgh").assertProblem(400, "validation-error");
        assertThat(r.fieldErrors()).containsExactly("invitationCode");
        assertNothingStored();
    }

    @Test
    void emailThatAlreadyHasAnAccountIsUnavailableAndTheSecondCodeStaysOpen() {
        fx.register("taken@example.test", PASSWORD, fx.invitation().code()).assertStatus(201);
        Invitation second = fx.invitation();

        fx.register("Taken@Example.TEST", PASSWORD, second.code()).assertProblem(409, "email-unavailable");

        assertThat(fx.users()).isEqualTo(1);
        assertThat(fx.storedInvitation(second.code()).getStatus()).isEqualTo(InvitationItem.OPEN);
        assertThat(fx.events.ofType("UserRegistered")).hasSize(1);
    }

    @Test
    void shortPasswordIsRefusedOnThePasswordField() {
        Response r = fx.register("a@example.test", "short-pw", fx.invitation().code()).assertProblem(400, "validation-error");
        assertThat(r.fieldErrors()).containsExactly("password");
        assertNothingStored();
    }

    @Test
    void commonOrRepetitivePasswordIsRefusedOnThePasswordField() {
        String code = fx.invitation().code();
        assertThat(fx.register("a@example.test", "Password1234", code).assertProblem(400, "validation-error").fieldErrors())
                .containsExactly("password");
        assertThat(fx.register("a@example.test", "abababababababab", code).assertProblem(400, "validation-error").fieldErrors())
                .containsExactly("password");
        assertThat(fx.register("long.address@example.test", "long.address@example.test", code)
                .assertProblem(400, "validation-error").fieldErrors()).containsExactly("password");
        assertNothingStored();
    }

    @Test
    void oneCodeUsedByFourRegistrationsAtOnceMakesExactlyOneUser() throws Exception {
        Invitation invitation = fx.invitation();
        int racers = 4;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                String email = "racer" + i + "@example.test";
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return fx.register(email, PASSWORD, invitation.code());
                }));
            }
            ready.await();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : results) responses.add(f.get());

            List<Response> created = responses.stream().filter(r -> r.status() == 201).toList();
            List<Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
            assertThat(created).hasSize(1);
            assertThat(refused).hasSize(racers - 1).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.json().path("type").asText())
                        .isIn(IdentityFixture.PROBLEMS + "invitation-used", IdentityFixture.PROBLEMS + "conflict");
            });

            String winner = created.get(0).text("userId");
            assertThat(fx.users()).isEqualTo(1);
            assertThat(fx.emailClaims()).isEqualTo(1);
            assertThat(fx.count("USER#", "MEMBER#")).isEqualTo(1);
            assertThat(fx.storedInvitation(invitation.code()).getUsedBy()).isEqualTo(winner);
            assertThat(fx.events.all()).extracting(DomainEvent::type).containsExactly("UserRegistered", "EmailVerificationRequested", "SignInSucceeded");
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNothingStored() {
        assertThat(fx.users()).isZero();
        assertThat(fx.emailClaims()).isZero();
        assertThat(fx.count("USER#", "")).isZero();
        assertThat(fx.events.all()).isEmpty();
    }
}
