package app.domus.identity.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.account.AccountService;
import app.domus.identity.keys.KeySetSigningKeys;
import app.domus.identity.keys.SigningKeys;
import app.domus.identity.login.AccountLockout;
import app.domus.identity.login.LoginService;
import app.domus.identity.login.MfaChallenges;
import app.domus.identity.identities.ProviderIdentities;
import app.domus.identity.portal.PortalSignUp;
import app.domus.identity.verification.EmailVerification;
import app.domus.identity.mfa.MfaService;
import app.domus.identity.password.PasswordHasher;
import app.domus.identity.registration.RegistrationService;
import app.domus.identity.security.SecurityEvents;
import app.domus.identity.sessions.SessionService;
import app.domus.shared.testing.MutableClock;
import app.domus.identity.tokens.TokenIssuer;
import app.domus.shared.aws.PlatformConfig;
import app.domus.shared.config.Env;
import app.domus.shared.directory.BuildingItem;
import app.domus.shared.directory.InvitationItem;
import app.domus.shared.directory.UserItem;
import app.domus.shared.http.HttpHandler;
import app.domus.shared.ids.Ids;
import app.domus.shared.json.Json;
import app.domus.shared.persistence.DomusTable;
import app.domus.shared.ratelimit.RateLimiter;
import app.domus.shared.testing.DirectoryWorld;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.LocalDynamo;
import app.domus.shared.testing.RecordedEvents;
import app.domus.shared.testing.RecordingNotifications;
import app.domus.shared.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The identity functions wired by hand over DynamoDB Local (fresh tables per fixture), with a clock the test
 * moves, the outbox read back and a notification sender that records (all from the kernel's {@link DirectoryWorld}),
 * and helpers that call the handlers the way API Gateway does.
 */
final class IdentityFixture {
    static final String ISSUER = "https://issuer.test";
    static final String AUDIENCE = "domus-app";
    static final String PASSWORD = "correct horse battery staple";
    static final String PROBLEMS = "https://problems.domus.app/";
    static final Instant START = DirectoryWorld.START;

    /** The kernel's test world this fixture's services run on. */
    final DirectoryWorld world = new DirectoryWorld(START);
    final MutableClock clock = world.clock;
    final PlatformConfig config = world.config;
    final DomusTable table = world.table;
    final RecordedEvents events = world.events;
    final RecordingNotifications notifications = world.notifications;

    final SigningKeys keys = KeySetSigningKeys.generated();
    final TokenIssuer tokens = new TokenIssuer(keys, clock, ISSUER, AUDIENCE);
    final PasswordHasher passwords = new PasswordHasher();
    final SecurityEvents security = new SecurityEvents(table, world.outbox);
    final SessionService sessions = new SessionService(table, tokens, clock, security);
    final MfaService mfa = new MfaService(table, clock, security);
    final AccountLockout lockout = new AccountLockout(table, clock);
    final RateLimiter rateLimiter = new RateLimiter(LocalDynamo.client(), config, clock);
    final AccountService account = new AccountService(table, world.access, passwords, sessions, lockout, clock, security);

    final EmailVerification verification = new EmailVerification(table, world.outbox, rateLimiter, clock);
    final RegistrationService registration = new RegistrationService(table, passwords, sessions, world.outbox, verification, clock);
    final ProviderIdentities identities = new ProviderIdentities(table, world.outbox, clock);
    final PortalSignUp portalSignUp;
    final LoginService login;

    final RegisterHandler registerHandler;
    final LoginHandler loginHandler;
    final MfaVerifyHandler mfaVerifyHandler;
    final RefreshHandler refreshHandler;
    final MeHandler meHandler;
    final SessionsHandler sessionsHandler;
    final LogoutHandler logoutHandler;
    final LogoutAllHandler logoutAllHandler;
    final MfaSetupHandler mfaSetupHandler;
    final MfaEnableHandler mfaEnableHandler;
    final MfaDisableHandler mfaDisableHandler;
    final ChangePasswordHandler changePasswordHandler;
    final JwksHandler jwksHandler;
    final OpenIdConfigurationHandler openIdHandler;
    final PortalSignUpHandler portalSignUpHandler;
    final VerifyEmailHandler verifyEmailHandler;
    final ResendVerificationHandler resendHandler;
    final VerificationEmailsHandler verificationEmails;

    IdentityFixture() {
        this(Map.of());
    }

    /** {@code env}: the variables the login function reads at construction (e.g. LOGINS_PER_IP_PER_MINUTE). */
    IdentityFixture(Map<String, String> env) {
        portalSignUp = Env.with(env, () -> new PortalSignUp(table, passwords, verification, world.outbox, rateLimiter, clock));
        portalSignUpHandler = new PortalSignUpHandler(portalSignUp);
        verifyEmailHandler = new VerifyEmailHandler(verification);
        resendHandler = new ResendVerificationHandler(verification);
        verificationEmails = new VerificationEmailsHandler(world.idempotency, verification, notifications, identities, "https://portal.test");
        login = Env.with(env, () -> new LoginService(table, passwords, lockout, rateLimiter, sessions, mfa, clock, LocalDynamo.client(), new MfaChallenges(table, clock), security));
        registerHandler = new RegisterHandler(registration);
        loginHandler = new LoginHandler(login);
        mfaVerifyHandler = new MfaVerifyHandler(login);
        refreshHandler = new RefreshHandler(sessions);
        meHandler = new MeHandler(account);
        sessionsHandler = new SessionsHandler(sessions);
        logoutHandler = new LogoutHandler(sessions);
        logoutAllHandler = new LogoutAllHandler(sessions);
        mfaSetupHandler = new MfaSetupHandler(mfa);
        mfaEnableHandler = new MfaEnableHandler(mfa);
        mfaDisableHandler = new MfaDisableHandler(mfa);
        changePasswordHandler = new ChangePasswordHandler(account);
        jwksHandler = new JwksHandler(keys);
        openIdHandler = new OpenIdConfigurationHandler(tokens);
    }

    // ---------------------------------------------------------------- seeding

    record Invitation(String code, String organisationId, String buildingId, String unitId) {}

    Invitation invitation() {
        return invitation("OWNER", clock.instant().plus(Duration.ofDays(7)), null);
    }

    /** An organisation with a building and a unit, and an OPEN invitation to that unit. */
    Invitation invitation(String role, Instant expiresAt, String forEmail) {
        String orgId = world.organisation("Hausverwaltung Test");
        BuildingItem building = world.building(orgId, "Lindenstraße 5");
        String buildingId = building.getId();
        String unitId = world.unit(building, "3B").getId();
        String now = clock.instant().toString();

        String code = Ids.humanCode(3);
        InvitationItem invitation = new InvitationItem();
        invitation.setPk(InvitationItem.pk(code));
        invitation.setSk(InvitationItem.SK);
        invitation.setGsi1pk(InvitationItem.byOrganisation(orgId));
        invitation.setGsi1sk(code);
        invitation.setCode(code);
        invitation.setOrganisationId(orgId);
        invitation.setRole(role);
        invitation.setBuildingId(buildingId);
        invitation.setUnitId(unitId);
        invitation.setEmail(forEmail);
        invitation.setStatus(InvitationItem.OPEN);
        invitation.setExpiresAt(expiresAt.toString());
        invitation.setCreatedBy("admin");
        invitation.setCreatedAt(now);
        table.of(InvitationItem.class).putItem(invitation);
        return new Invitation(code, orgId, buildingId, unitId);
    }

    /** An invitation to the organisation as a whole (no building, no unit), e.g. for an ORG_ADMIN. */
    Invitation organisationInvitation(String role) {
        Invitation full = invitation(role, clock.instant().plus(Duration.ofDays(7)), null);
        InvitationItem item = storedInvitation(full.code());
        item.setBuildingId(null);
        item.setUnitId(null);
        table.of(InvitationItem.class).updateItem(item);
        return new Invitation(full.code(), full.organisationId(), null, null);
    }

    InvitationItem storedInvitation(String code) {
        return table.get(InvitationItem.class, InvitationItem.pk(code), InvitationItem.SK).orElseThrow();
    }

    UserItem storedUser(String userId) {
        return table.get(UserItem.class, UserItem.pk(userId), UserItem.SK).orElseThrow();
    }

    // ---------------------------------------------------------------- calling handlers

    record Response(int status, Map<String, String> headers, String body) {
        JsonNode json() {
            return body == null || body.isEmpty() ? MissingNode.getInstance() : Json.tree(body);
        }

        String header(String name) {
            if (headers == null) return null;
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** Asserts an RFC 9457 problem of this status and type slug; returns this for more checks. */
        Response assertProblem(int expectedStatus, String slug) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(header("Content-Type")).as("content type of %s", body).isEqualTo("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").asText()).as("problem type of %s", body).isEqualTo(PROBLEMS + slug);
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("title").asText()).isNotBlank();
            return this;
        }

        Response assertStatus(int expected) {
            assertThat(status).as("status of %s", body).isEqualTo(expected);
            return this;
        }

        /** The {@code field} of every entry in the problem's {@code errors}. */
        Set<String> fieldErrors() {
            Set<String> fields = new HashSet<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        String text(String field) {
            return json().path(field).asText(null);
        }
    }

    Response call(HttpHandler handler, HttpEvents event) {
        var response = handler.handleRequest(event.build(), new TestContext());
        return new Response(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    static HttpEvents post(String path, Object body) {
        return HttpEvents.request("POST", path).body(body instanceof String s ? s : Json.write(body));
    }

    /** As API Gateway's JWT authorizer would pass the claims of this (signature-checked) access token. */
    HttpEvents as(String accessToken, HttpEvents event) {
        JWTClaimsSet claims = verify(accessToken);
        Map<String, String> passed = new LinkedHashMap<>();
        passed.put("sub", claims.getSubject());
        passed.put("email", String.valueOf(claims.getClaim("email")));
        passed.put("sid", String.valueOf(claims.getClaim("sid")));
        if (claims.getClaim("email_verified") != null) passed.put("email_verified", String.valueOf(claims.getClaim("email_verified")));
        return event.claims(passed);
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) map.put((String) keyValues[i], keyValues[i + 1]);
        return map;
    }

    Response register(String email, String password, String code) {
        return call(registerHandler, post("/auth/register", body("email", email, "password", password, "invitationCode", code)));
    }

    Response login(String email, String password) {
        return login(email, password, "203.0.113.10");
    }

    Response login(String email, String password, String ip) {
        return call(loginHandler, post("/auth/login", body("email", email, "password", password)).sourceIp(ip));
    }

    Response refresh(String refreshToken) {
        return call(refreshHandler, post("/auth/refresh", body("refreshToken", refreshToken)));
    }

    Response mfaVerify(String mfaToken, String code) {
        return call(mfaVerifyHandler, post("/auth/mfa/verify", body("mfaToken", mfaToken, "code", code)));
    }

    record Account(String userId, String email, String accessToken, String refreshToken) {}

    /** Registers {@code email} with {@link #PASSWORD} through a fresh invitation. */
    Account signUp(String email) {
        Response r = register(email, PASSWORD, invitation().code()).assertStatus(201);
        return new Account(r.text("userId"), email, r.text("token"), r.text("refreshToken"));
    }

    record Session(String accessToken, String refreshToken, String sessionId) {}

    /** Signs in (no second factor) and returns the new session. */
    Session signIn(String email, String password) {
        Response r = login(email, password).assertStatus(200);
        String access = r.text("accessToken");
        return new Session(access, r.text("refreshToken"), String.valueOf(verify(access).getClaim("sid")));
    }

    // ---------------------------------------------------------------- tokens

    /** Checks the RS256 signature against the published public keys and returns the claims. */
    JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWK key = keys.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("a published key with the token's kid").isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a valid signed JWT: " + token, e);
        }
    }

    // ---------------------------------------------------------------- the table

    List<Map<String, AttributeValue>> scan() {
        return StreamSupport.stream(LocalDynamo.client().scanPaginator(b -> b.tableName(config.tableName())).items().spliterator(), false)
                .toList();
    }

    /** Every item as {@code pk|sk|version}: equal snapshots mean nothing was written. */
    Set<String> snapshot() {
        return scan().stream().map(i -> i.get("pk").s() + "|" + i.get("sk").s() + "|"
                + (i.containsKey("version") ? i.get("version").n() : "-")).collect(Collectors.toSet());
    }

    long count(String pkPrefix, String skPrefix) {
        return scan().stream().filter(i -> i.get("pk").s().startsWith(pkPrefix) && i.get("sk").s().startsWith(skPrefix)).count();
    }

    long users() {
        return count("USER#", UserItem.SK);
    }

    long emailClaims() {
        return count("EMAIL#", "EMAIL");
    }
}
