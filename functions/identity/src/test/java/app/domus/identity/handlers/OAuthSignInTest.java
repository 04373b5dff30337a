package app.domus.identity.handlers;

import static app.domus.identity.handlers.IdentityFixture.body;
import static app.domus.identity.handlers.IdentityFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.identity.handlers.IdentityFixture.Response;
import app.domus.identity.identities.IdentityEvents;
import app.domus.identity.identities.Provider;
import app.domus.identity.login.MfaChallenges;
import app.domus.identity.oauth.OAuthSettings;
import app.domus.identity.oauth.OAuthSignIn;
import app.domus.identity.oauth.ProviderClient;
import app.domus.shared.directory.UserItem;
import app.domus.shared.events.DomainEvent;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import app.domus.shared.notify.NotificationRequest;
import app.domus.shared.testing.HttpEvents;
import app.domus.shared.testing.SqsEvents;
import app.domus.shared.testing.TestContext;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OAuth sign-in's rules over DynamoDB Local, with a provider that behaves as a real one does at the protocol's
 * edges (a code works once and only with the verifier whose S256 challenge it was issued for, and names the nonce it
 * was issued with); the real provider protocol runs against the local cloud's double in {@code OAuthSignInFlowTest}.
 */
class OAuthSignInTest {
    private static final String APP = "https://app.test";

    private final IdentityFixture fx = new IdentityFixture();
    private final FakeProvider provider = new FakeProvider();
    private final OAuthSettings settings = new OAuthSettings("https://api.test", APP);
    private final OAuthSignIn signIn = new OAuthSignIn(fx.table, provider, fx.identities, fx.sessions, new MfaChallenges(fx.table, fx.clock),
            fx.verification, settings, fx.rateLimiter, fx.clock);
    private final OAuthStartHandler start = new OAuthStartHandler(signIn, true);
    private final OAuthCallbackHandler callback = new OAuthCallbackHandler(signIn);
    private final IdentitiesHandler list = new IdentitiesHandler(fx.identities);
    private final DeleteIdentityHandler delete = new DeleteIdentityHandler(fx.identities);
    private final LinkIdentityHandler link = new LinkIdentityHandler(fx.table, fx.clock, settings);
    private final ConfirmIdentityLinkHandler confirm = new ConfirmIdentityLinkHandler(fx.identities);

    /** A provider that issues a code per sign-in at its login page and checks it as a real one does. */
    static final class FakeProvider implements ProviderClient {
        record Issued(String challenge, String nonce, Person person) {}
        final Map<String, String> lastAuthorisation = new HashMap<>();
        final Map<String, Issued> codes = new HashMap<>();
        final Set<String> used = new java.util.HashSet<>();
        private int next;

        @Override
        public boolean offers(Provider provider) {
            return provider != Provider.APPLE;
        }

        @Override
        public URI authorizationUrl(Provider provider, String state, String nonce, String codeVerifier) {
            return URI.create("https://" + provider.wire() + ".test/authorize?response_type=code&state=" + state + "&nonce=" + nonce
                    + "&code_challenge=" + s256(codeVerifier) + "&code_challenge_method=S256");
        }

        /** The person signs in at the provider: a code for the attempt whose authorisation URL the browser was sent to. */
        String login(URI authorisation, Person person) {
            Map<String, String> query = query(authorisation.getRawQuery());
            String code = "code-" + (++next) + "-abcdefghijklmnopqrstuvwxyz";
            codes.put(code, new Issued(query.get("code_challenge"), query.get("nonce"), person));
            return code;
        }

        @Override
        public Person identify(Provider provider, String code, String codeVerifier, String nonce) {
            Issued issued = codes.get(code);
            if (issued == null || !used.add(code) || !issued.challenge().equals(s256(codeVerifier))) {
                throw new ApiException(ProblemType.OAUTH_CODE_REJECTED, "invalid_grant");
            }
            if (!issued.nonce().equals(nonce)) throw new ApiException(ProblemType.OAUTH_ID_TOKEN_INVALID, "nonce");
            return issued.person();
        }
    }

    // ---------------------------------------------------------------- the browser

    record Attempt(URI authorisation, String cookie, String state) {}

    private Attempt begin(Provider p, String ticket) {
        HttpEvents event = HttpEvents.request("GET", "/auth/oauth/" + p.wire()).pathParam("provider", p.wire());
        if (ticket != null) event.query("link", ticket);
        Response r = fx.call(start, event).assertStatus(302);
        URI location = URI.create(r.header("Location"));
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Secure").contains("Path=/auth/oauth");
        String cookie = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        return new Attempt(location, cookie, query(location.getRawQuery()).get("state"));
    }

    private Response back(Attempt attempt, String code, String cookie) {
        HttpEvents event = HttpEvents.request("GET", "/auth/oauth/callback").query("state", attempt.state()).query("code", code);
        if (cookie != null) event.cookie(OAuthSignIn.BROWSER_COOKIE, cookie);
        return fx.call(callback, event);
    }

    /** The whole round trip: start, sign in at the provider as {@code person}, come back; the answer to the callback. */
    private Response signInWith(Provider p, ProviderClient.Person person) {
        Attempt attempt = begin(p, null);
        return back(attempt, provider.login(attempt.authorisation(), person), attempt.cookie());
    }

    private static Map<String, String> fragment(Response r) {
        URI location = URI.create(r.header("Location"));
        assertThat(location.toString()).startsWith(APP + "/oauth/complete#");
        assertThat(location.getRawQuery()).as("nothing in the query").isNull();
        return query(location.getRawFragment());
    }

    private static final ProviderClient.Person ANA = new ProviderClient.Person("g-1001", "ana@example.test", true, "Ana García");

    // ---------------------------------------------------------------- the callback's parameters

    private Response postBack(String form, String cookie) {
        HttpEvents event = HttpEvents.request("POST", "/auth/oauth/callback").header("Content-Type", "application/x-www-form-urlencoded").body(form);
        if (cookie != null) event.cookie(OAuthSignIn.BROWSER_COOKIE, cookie);
        return fx.call(callback, event);
    }

    @Test
    void aFormPostedBackSignsInAndSendsTheBrowserOnWithASeeOther() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        String code = provider.login(attempt.authorisation(), ANA);
        Response r = postBack("=ignored&state=" + attempt.state() + "&code=" + code + "&user=%7B%22name%22%3A%7B%7D%7D&state=second", attempt.cookie())
                .assertStatus(303);
        assertThat(fragment(r)).containsKey("access_token");
        assertThat(r.header("Set-Cookie")).startsWith(OAuthSignIn.BROWSER_COOKIE + "=;").contains("Max-Age=0");
    }

    @Test
    void aPostedFormWithABlankStateOrAGetWithoutOneHasNoState() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        assertThat(postBack("state=%20&code=abc", attempt.cookie()).assertProblem(400, "oauth-state-invalid").body())
                .contains("without its state");
        assertThat(fx.call(callback, HttpEvents.request("GET", "/auth/oauth/callback").query("code", "abc")
                .cookie(OAuthSignIn.BROWSER_COOKIE, attempt.cookie())).assertProblem(400, "oauth-state-invalid").body())
                .contains("without its state");
        assertThat(fx.call(callback, HttpEvents.request("GET", "/auth/oauth/callback").query("state", "not a token!")
                .query("code", "abc").cookie(OAuthSignIn.BROWSER_COOKIE, attempt.cookie())).assertProblem(400, "oauth-state-invalid").body())
                .contains("without its state");
    }

    @Test
    void aCodeOfForeignCharactersIsNoCodeAndTheProvidersErrorIsCutToSixtyFourCharacters() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        String code = provider.login(attempt.authorisation(), ANA);
        HttpEvents odd = HttpEvents.request("GET", "/auth/oauth/callback").query("state", attempt.state()).query("code", code + " x")
                .cookie(OAuthSignIn.BROWSER_COOKIE, attempt.cookie());
        assertThat(fx.call(callback, odd).assertProblem(400, "oauth-code-rejected").body()).contains("did not sign you in")
                .doesNotContain("invalid_grant");

        Attempt again = begin(Provider.GOOGLE, null);
        HttpEvents refused = HttpEvents.request("GET", "/auth/oauth/callback").query("state", again.state()).query("error", "x".repeat(70))
                .cookie(OAuthSignIn.BROWSER_COOKIE, again.cookie());
        String body = fx.call(callback, refused).assertProblem(400, "oauth-code-rejected").body();
        assertThat(body).contains("(" + "x".repeat(64) + ")").doesNotContain("x".repeat(65));
    }

    // ---------------------------------------------------------------- sign-in

    @Test
    void theAttemptKeepsTheVerifierAndNonceAndSendsOnlyTheS256Challenge() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        var stored = fx.scan().stream().filter(i -> i.get("pk").s().startsWith("OAUTHSTATE#")).findFirst().orElseThrow();
        String verifier = stored.get("codeVerifier").s();
        assertThat(attempt.authorisation().toString()).doesNotContain(verifier).contains("code_challenge=" + s256(verifier))
                .contains("code_challenge_method=S256").contains("nonce=" + stored.get("nonce").s());
        assertThat(stored.get("pk").s()).as("the state is stored hashed").doesNotContain(attempt.state());
        assertThat(stored.get("browserHash").s()).isNotEqualTo(attempt.cookie());
    }

    @Test
    void aNewPersonGetsAnAccountWithoutPasswordAndTokensLikeAPasswordSignIn() {
        Map<String, String> out = fragment(signInWith(Provider.GOOGLE, ANA).assertStatus(302));
        assertThat(out).containsEntry("new_user", "true").containsEntry("provider", "google").containsEntry("token_type", "Bearer");
        var claims = fx.verify(out.get("access_token"));
        UserItem user = fx.storedUser(claims.getSubject());
        assertThat(user.getPasswordHash()).isNull();
        assertThat(user.getEmail()).isEqualTo("ana@example.test");
        assertThat(claims.getClaim("email_verified")).isEqualTo(true);
        assertThat(fx.refresh(out.get("refresh_token")).status()).isEqualTo(200);
        assertThat(fx.count("IDENTITY#google#g-1001", "IDENTITY")).isEqualTo(1);
        assertThat(fx.call(fx.meHandler, fx.as(out.get("access_token"), HttpEvents.request("GET", "/auth/me"))).json()
                .path("memberships")).as("an invitation is still needed to join an organisation").isEmpty();

        Map<String, String> again = fragment(signInWith(Provider.GOOGLE, ANA).assertStatus(302));
        assertThat(again).containsEntry("new_user", "false");
        assertThat(fx.verify(again.get("access_token")).getSubject()).as("the returning user").isEqualTo(claims.getSubject());
        assertThat(fx.users()).isEqualTo(1);
    }

    @Test
    void anAddressTheProviderDoesNotVouchForGetsTheVerificationLink() {
        Map<String, String> out = fragment(signInWith(Provider.FACEBOOK, new ProviderClient.Person("fb-1", "new@example.test", false, "N"))
                .assertStatus(302));
        assertThat(fx.verify(out.get("access_token")).getClaim("email_verified")).isEqualTo(false);
        assertThat(fx.events.types()).contains("EmailVerificationRequested");
    }

    @Test
    void anAccountWithMfaStillAsksForTheSecondStep() {
        Map<String, String> first = fragment(signInWith(Provider.GOOGLE, ANA));
        UserItem user = fx.storedUser(fx.verify(first.get("access_token")).getSubject());
        user.setMfaEnabled(true);
        user.setMfaSecret("JBSWY3DPEHPK3PXP");
        fx.table.of(UserItem.class).updateItem(user);
        Map<String, String> out = fragment(signInWith(Provider.GOOGLE, ANA));
        assertThat(out).containsKey("mfa_token").doesNotContainKey("access_token").doesNotContainKey("refresh_token");
    }

    // ---------------------------------------------------------------- refusals store nothing

    @Test
    void aWrongOrReplayedStateOrAnotherBrowserIsRefusedAndStoresNothing() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        String code = provider.login(attempt.authorisation(), ANA);
        Set<String> before = stored();
        Attempt forged = new Attempt(attempt.authorisation(), attempt.cookie(), "Aa1" + attempt.state().substring(3));
        back(forged, code, attempt.cookie()).assertProblem(400, "oauth-state-invalid");
        assertThat(stored()).isEqualTo(before);

        Attempt other = begin(Provider.GOOGLE, null);
        String otherCode = provider.login(other.authorisation(), ANA);
        back(other, otherCode, attempt.cookie()).assertProblem(400, "oauth-state-invalid");
        back(other, otherCode, null).assertProblem(400, "oauth-state-invalid");

        back(attempt, code, attempt.cookie()).assertStatus(302);
        Set<String> afterSignIn = stored();
        back(attempt, code, attempt.cookie()).assertProblem(400, "oauth-state-invalid");
        assertThat(stored()).as("a replayed callback").isEqualTo(afterSignIn);
    }

    @Test
    void anExpiredStateIsRefused() {
        Attempt attempt = begin(Provider.GOOGLE, null);
        String code = provider.login(attempt.authorisation(), ANA);
        fx.clock.advance(OAuthSignIn.STATE_LIFETIME.plusSeconds(1));
        back(attempt, code, attempt.cookie()).assertProblem(400, "oauth-state-invalid");
        assertThat(fx.users()).isZero();
    }

    @Test
    void aCodeFromAnotherAttemptFailsItsPkceCheck() {
        Attempt first = begin(Provider.GOOGLE, null);
        String code = provider.login(first.authorisation(), ANA);
        Attempt second = begin(Provider.GOOGLE, null);
        back(second, code, second.cookie()).assertProblem(400, "oauth-code-rejected");
        assertThat(fx.users()).isZero();
    }

    @Test
    void startsFromOneAddressAreBraked() {
        OAuthSignIn braked = app.domus.shared.config.Env.with(Map.of("OAUTH_STARTS_PER_IP_PER_MINUTE", "2"), () -> new OAuthSignIn(fx.table,
                provider, fx.identities, fx.sessions, new MfaChallenges(fx.table, fx.clock), fx.verification, settings, fx.rateLimiter, fx.clock));
        OAuthStartHandler handler = new OAuthStartHandler(braked, true);
        HttpEvents event = HttpEvents.request("GET", "/auth/oauth/google").pathParam("provider", "google").sourceIp("198.51.100.7");
        fx.call(handler, event).assertStatus(302);
        fx.call(handler, event).assertStatus(302);
        Response refused = fx.call(handler, event).assertProblem(429, "too-many-requests");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(fx.count("OAUTHSTATE#", "")).isEqualTo(2);
        fx.call(handler, HttpEvents.request("GET", "/auth/oauth/google").pathParam("provider", "google").sourceIp("198.51.100.8"))
                .assertStatus(302);
    }

    @Test
    void anUnconfiguredOrUnknownProviderIs404() {
        fx.call(start, HttpEvents.request("GET", "/auth/oauth/apple").pathParam("provider", "apple")).assertProblem(404, "not-found");
        fx.call(start, HttpEvents.request("GET", "/auth/oauth/myspace").pathParam("provider", "myspace")).assertProblem(404, "not-found");
    }

    // ---------------------------------------------------------------- linking

    @Test
    void aVerifiedAddressOfAnAccountIsLinkedOnlyThroughTheEmailedLink() {
        String email = "owner@example.test";
        String userId = fx.register(email, IdentityFixture.PASSWORD,
                fx.invitation("OWNER", fx.clock.instant().plusSeconds(86400), email).code()).assertStatus(201).text("userId");
        fx.events.clear();
        Set<String> before = stored();

        Map<String, String> out = fragment(signInWith(Provider.GOOGLE, new ProviderClient.Person("g-7", email, true, "Owner")));
        assertThat(out).containsEntry("link_email_sent", "google").doesNotContainKey("access_token");
        assertThat(fx.count("IDENTITY#", "")).as("not linked yet").isZero();
        assertThat(stored()).as("only the outbox event").hasSize(before.size() + 1);

        DomainEvent requested = fx.events.ofType(IdentityEvents.LINK_REQUESTED).getFirst();
        assertThat(SqsEvents.failed(fx.verificationEmails.handleRequest(SqsEvents.batch(requested), new TestContext()))).isEmpty();
        NotificationRequest mail = fx.notifications.ofTemplate(VerificationEmailsHandler.LINK_TEMPLATE).getFirst();
        assertThat(mail.email()).isEqualTo(email);
        String token = mail.data().get("link").substring(mail.data().get("link").indexOf("token=") + 6);
        assertThat(fx.scan().toString()).as("the token is stored hashed only").doesNotContain(token);

        fx.call(confirm, post("/auth/identities/confirm", body("token", token))).assertStatus(200);
        fx.call(confirm, post("/auth/identities/confirm", body("token", token))).assertProblem(401, "invalid-token");
        Map<String, String> signedIn = fragment(signInWith(Provider.GOOGLE, new ProviderClient.Person("g-7", email, true, "Owner")));
        assertThat(fx.verify(signedIn.get("access_token")).getSubject()).isEqualTo(userId);
        assertThat(signedIn).containsEntry("new_user", "false");
    }

    @Test
    void anAddressUnverifiedAtTheProviderOrAtDomusIsNeverLinked() {
        String verified = "vera@example.test";
        fx.register(verified, IdentityFixture.PASSWORD, fx.invitation("OWNER", fx.clock.instant().plusSeconds(86400), verified).code())
                .assertStatus(201);
        String unverified = "ulla@example.test";
        fx.signUp(unverified);
        fx.events.clear();
        Set<String> before = stored();

        signInWith(Provider.GOOGLE, new ProviderClient.Person("g-8", verified, false, "Vera")).assertProblem(409, "identity-link-refused");
        signInWith(Provider.GOOGLE, new ProviderClient.Person("g-9", unverified, true, "Ulla")).assertProblem(409, "identity-link-refused");
        assertThat(stored()).as("nothing stored, the attempts' states taken").isEqualTo(before);
        assertThat(fx.events.isEmpty()).isTrue();
    }

    @Test
    void aSignedInPersonLinksThroughATicketAndTheLastWayToSignInStays() {
        IdentityFixture.Account account = fx.signUp("paul@example.test");
        String access = fx.login("paul@example.test", IdentityFixture.PASSWORD).text("accessToken");
        String url = fx.call(link, fx.as(access, HttpEvents.request("POST", "/auth/identities/google/link").pathParam("provider", "google")))
                .assertStatus(200).text("url");
        assertThat(url).startsWith("https://api.test/auth/oauth/google?link=");
        String ticket = url.substring(url.indexOf("link=") + 5);

        Attempt attempt = begin(Provider.GOOGLE, ticket);
        ProviderClient.Person person = new ProviderClient.Person("g-10", "paul.private@example.test", true, "Paul");
        Map<String, String> out = fragment(back(attempt, provider.login(attempt.authorisation(), person), attempt.cookie()));
        assertThat(out).containsEntry("linked", "google");
        fx.call(start, HttpEvents.request("GET", "/auth/oauth/google").pathParam("provider", "google").query("link", ticket))
                .assertProblem(400, "oauth-state-invalid");

        Response identities = fx.call(list, fx.as(access, HttpEvents.request("GET", "/auth/identities"))).assertStatus(200);
        assertThat(identities.json().path("items").get(0).path("provider").asText()).isEqualTo("google");
        assertThat(fx.verify(fragment(signInWith(Provider.GOOGLE, person)).get("access_token")).getSubject()).isEqualTo(account.userId());

        // With a password, the identity can go; a passwordless account keeps its only one.
        fx.call(delete, fx.as(access, HttpEvents.request("DELETE", "/auth/identities/google").pathParam("provider", "google"))).assertStatus(204);
        fx.call(delete, fx.as(access, HttpEvents.request("DELETE", "/auth/identities/google").pathParam("provider", "google")))
                .assertProblem(404, "not-found");
        String passwordless = fragment(signInWith(Provider.FACEBOOK, new ProviderClient.Person("fb-2", "pl@example.test", true, "P")))
                .get("access_token");
        fx.call(delete, fx.as(passwordless, HttpEvents.request("DELETE", "/auth/identities/facebook").pathParam("provider", "facebook")))
                .assertProblem(409, "last-sign-in-method");
        assertThat(fx.count("IDENTITY#facebook#fb-2", "IDENTITY")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /** Every item but the rate limiter's counters (each start counts against its client address). */
    private Set<String> stored() {
        return fx.snapshot().stream().filter(i -> !i.startsWith("RATE#")).collect(java.util.stream.Collectors.toSet());
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
