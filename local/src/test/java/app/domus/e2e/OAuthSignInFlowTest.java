package app.domus.e2e;

import static app.domus.e2e.IdentityFlowsTest.json;
import static app.domus.e2e.OpenApiContract.conforms;
import static org.assertj.core.api.Assertions.assertThat;

import app.domus.local.json.Json;
import app.domus.local.partners.Exchanges;
import app.domus.local.partners.oidc.OidcDouble;
import app.domus.local.testing.ApiResponse;
import app.domus.local.testing.LocalCloudClient;
import app.domus.local.testing.LocalCloudExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Flow 3 through the local cloud and its OpenID provider double, as a browser goes: {@code GET /auth/oauth/{provider}}
 * redirects to the provider's login page (the double's HTML form), the form redirects back to the callback with a code,
 * and the callback redirects to the app with the tokens in the fragment. Each provider signs in a new and a returning
 * person; an account's verified address is linked by the e-mailed link or while signed in; an unverified one is refused;
 * a wrong state, a replayed code, a tampered ID token and a provider that fails are refused with problems, storing nothing.
 */
@ExtendWith(LocalCloudExtension.class)
class OAuthSignInFlowTest {
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern IDENTITY_LINK = Pattern.compile("/link-identity\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "a long portal password 2026";
    private static final String PROBLEMS = "https://problems.domus.app/";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The person the tester picks on the provider's login page. */
    record Person(String subject, String name, String email, boolean verified) {
        static Person fresh(boolean verified) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            return new Person("p" + id, "Person " + id, "oauth-" + id + "@example.test", verified);
        }

        Person withEmail(String address, boolean isVerified) {
            return new Person(subject, name, address, isVerified);
        }
    }

    /** A browser's view of one sign-in: where the provider's page is, and the cookie the API set. */
    record Attempt(URI authorisation, String cookie, String state) {}

    /** What the callback answered: a redirect to the app (its fragment) or a problem. */
    record Outcome(int status, Map<String, String> fragment, String location, String body, URI callback, String cookie) {
        JsonNode problem() {
            return Json.read(body);
        }

        ApiResponse asApiResponse() {
            return new ApiResponse(status, java.net.http.HttpHeaders.of(Map.of("content-type", List.of("application/problem+json")), (a, b) -> true), body);
        }
    }

    // ---------------------------------------------------------------- each provider: new, then returning

    @Test
    void eachProviderSignsInANewPersonThenTheSameOneAgain(LocalCloudClient cloud) throws Exception {
        for (String provider : List.of("google", "apple", "facebook")) {
            Person person = Person.fresh(true);
            Outcome first = signIn(cloud, provider, null, person);
            assertThat(first.status()).as(provider + ": " + first.body()).isEqualTo(provider.equals("apple") ? 303 : 302);
            assertThat(first.location()).startsWith(doubleUrl(cloud) + "/app/oauth/complete#");
            assertThat(first.fragment()).containsEntry("new_user", "true").containsEntry("provider", provider).containsKeys("access_token", "refresh_token");
            JsonNode me = conforms("GET", "/auth/me", cloud.withToken(first.fragment().get("access_token")).get("/auth/me")).json();
            assertThat(me.path("email").asText()).isEqualTo(person.email());
            assertThat(me.path("emailVerified").asBoolean()).isTrue();
            assertThat(me.path("memberships")).as("an invitation is still needed to join an organisation").isEmpty();
            ApiResponse refreshed = cloud.anonymous().post("/auth/refresh", json(Map.of("refreshToken", first.fragment().get("refresh_token"))));
            assertThat(refreshed.status()).as("the same refresh token as a password sign-in's").isEqualTo(200);

            Outcome again = signIn(cloud, provider, null, person);
            assertThat(again.fragment()).containsEntry("new_user", "false");
            JsonNode meAgain = cloud.withToken(again.fragment().get("access_token")).get("/auth/me").json();
            assertThat(meAgain.path("userId").asText()).isEqualTo(me.path("userId").asText());
            JsonNode identities = conforms("GET", "/auth/identities", cloud.withToken(again.fragment().get("access_token")).get("/auth/identities")).json();
            assertThat(identities.path("items")).singleElement().satisfies(i -> assertThat(i.path("provider").asText()).isEqualTo(provider));

            ApiResponse last = conforms("DELETE", "/auth/identities/{provider}", cloud.withToken(again.fragment().get("access_token"))
                    .delete("/auth/identities/" + provider));
            assertThat(last.status()).as("no password: the last way to sign in stays").isEqualTo(409);
            assertThat(last.json().path("type").asText()).isEqualTo(PROBLEMS + "last-sign-in-method");
        }
    }

    // ---------------------------------------------------------------- linking

    @Test
    void aVerifiedAccountIsLinkedByTheEmailedLinkAndAnUnverifiedAddressNever(LocalCloudClient cloud) throws Exception {
        String email = verifiedPortalAccount(cloud);
        String userId = cloud.withToken(login(cloud, email)).get("/auth/me").json().path("userId").asText();

        Person unverifiedAtGoogle = Person.fresh(false).withEmail(email, false);
        Outcome refused = signIn(cloud, "google", null, unverifiedAtGoogle);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        conforms("GET", "/auth/oauth/callback", refused.asApiResponse());
        assertThat(refused.problem().path("type").asText()).isEqualTo(PROBLEMS + "identity-link-refused");
        assertThat(identities(cloud, email)).as("nothing linked").isEmpty();

        Person atGoogle = Person.fresh(true).withEmail(email, true);
        Outcome pending = signIn(cloud, "google", null, atGoogle);
        assertThat(pending.status()).as(pending.body()).isEqualTo(302);
        assertThat(pending.fragment()).containsEntry("link_email_sent", "google").doesNotContainKey("access_token");
        assertThat(identities(cloud, email)).as("not before the link is opened").isEmpty();

        JsonNode mail = cloud.awaitOutbox(email, m -> IDENTITY_LINK.matcher(m.toString()).find());
        assertThat(mail.path("subject").asText()).contains("Link your google sign-in");
        Matcher token = IDENTITY_LINK.matcher(mail.toString());
        assertThat(token.find()).isTrue();
        ApiResponse confirmed = conforms("POST", "/auth/identities/confirm", cloud.anonymous().post("/auth/identities/confirm",
                json(Map.of("token", token.group(1)))));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("userId").asText()).isEqualTo(userId);
        ApiResponse twice = conforms("POST", "/auth/identities/confirm", cloud.anonymous().post("/auth/identities/confirm",
                json(Map.of("token", token.group(1)))));
        assertThat(twice.status()).as("the link works once").isEqualTo(401);

        Outcome signedIn = signIn(cloud, "google", null, atGoogle);
        assertThat(signedIn.fragment()).containsEntry("new_user", "false");
        assertThat(cloud.withToken(signedIn.fragment().get("access_token")).get("/auth/me").json().path("userId").asText()).isEqualTo(userId);
        assertThat(identities(cloud, email)).containsExactly("google");

        // With a password, the identity can go.
        ApiResponse unlinked = conforms("DELETE", "/auth/identities/{provider}", cloud.withToken(login(cloud, email)).delete("/auth/identities/google"));
        assertThat(unlinked.status()).isEqualTo(204);
        assertThat(identities(cloud, email)).isEmpty();
    }

    @Test
    void aSignedInPersonLinksAProviderFromTheirAccount(LocalCloudClient cloud) throws Exception {
        String email = verifiedPortalAccount(cloud);
        String access = login(cloud, email);
        ApiResponse ticket = conforms("POST", "/auth/identities/{provider}/link", cloud.withToken(access).post("/auth/identities/facebook/link", ""));
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
        URI start = URI.create(ticket.json().path("url").asText());
        assertThat(start.getPath()).isEqualTo("/auth/oauth/facebook");

        Person atFacebook = Person.fresh(true);
        Outcome linked = signIn(cloud, start, atFacebook);
        assertThat(linked.status()).as(linked.body()).isEqualTo(302);
        assertThat(linked.fragment()).containsEntry("linked", "facebook");
        assertThat(identities(cloud, email)).containsExactly("facebook");
        Outcome reused = signIn(cloud, start, Person.fresh(true));
        assertThat(reused.status()).as("a ticket works once").isEqualTo(400);

        Outcome signedIn = signIn(cloud, "facebook", null, atFacebook);
        assertThat(cloud.withToken(signedIn.fragment().get("access_token")).get("/auth/me").json().path("email").asText()).isEqualTo(email);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aWrongStateAnotherBrowserAndAReplayedCallbackAreRefused(LocalCloudClient cloud) throws Exception {
        Person person = Person.fresh(true);
        Attempt attempt = begin(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/google"));
        URI callback = loginAtProvider(attempt, person);

        String state = query(callback.getRawQuery()).get("state");
        URI wrongState = URI.create(callback.toString().replace("state=" + state, "state=" + "x" + state.substring(1)));
        assertProblem(follow(wrongState, attempt.cookie()), 400, "oauth-state-invalid");
        assertProblem(follow(callback, null), 400, "oauth-state-invalid"); // another browser: no cookie; the state is spent

        Attempt fresh = begin(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/google"));
        URI good = loginAtProvider(fresh, person);
        Outcome signedIn = follow(good, fresh.cookie());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertProblem(follow(good, fresh.cookie()), 400, "oauth-state-invalid");
    }

    @Test
    void aReplayedCodeIsRefusedByTheProviderAndNothingIsStored(LocalCloudClient cloud) throws Exception {
        Person person = Person.fresh(true);
        Attempt first = begin(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/google"));
        URI firstCallback = loginAtProvider(first, person);
        String code = query(firstCallback.getRawQuery()).get("code");
        assertThat(follow(firstCallback, first.cookie()).fragment()).containsEntry("new_user", "true");

        // The same code with a new attempt of this browser: the provider has redeemed it already (and its PKCE challenge was another's).
        Attempt second = begin(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/google"));
        URI replay = URI.create(cloud.httpUrl() + "/auth/oauth/callback?code=" + enc(code) + "&state=" + enc(second.state()));
        assertProblem(follow(replay, second.cookie()), 400, "oauth-code-rejected");
        JsonNode log = Json.read(get(URI.create(doubleUrl(cloud) + "/_double/log")).body());
        assertThat(log.toString()).contains("code-replayed");
        assertThat(signIn(cloud, "google", null, person).fragment()).as("still one account").containsEntry("new_user", "false");
    }

    @Test
    void aTamperedIdTokenIsRefusedAndNothingIsStored(LocalCloudClient cloud) throws Exception {
        for (String kind : List.of("signature", "nonce", "audience", "issuer", "expired", "key")) {
            Person person = Person.fresh(true);
            post(URI.create(doubleUrl(cloud) + "/_double/tamper?kind=" + kind), "");
            Outcome refused = signIn(cloud, "google", null, person);
            assertProblem(refused, 401, "oauth-id-token-invalid");
            assertThat(signIn(cloud, "google", null, person).fragment()).as(kind + ": no account was made").containsEntry("new_user", "true");
        }
    }

    @Test
    void aProviderThatFailsIsUnavailableAndTheCancelledSignInRefused(LocalCloudClient cloud) throws Exception {
        post(URI.create(doubleUrl(cloud) + "/_double/faults?kind=error"), "");
        assertProblem(signIn(cloud, "facebook", null, Person.fresh(true)), 503, "unavailable");
        post(URI.create(doubleUrl(cloud) + "/_double/faults?kind=malformed"), "");
        assertProblem(signIn(cloud, "google", null, Person.fresh(true)), 503, "unavailable");

        Attempt attempt = begin(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/google"));
        HttpResponse<String> denied = post(attempt.authorisation(), attempt.authorisation().getRawQuery() + "&decision=deny");
        assertProblem(follow(URI.create(denied.headers().firstValue("Location").orElseThrow()), attempt.cookie()), 400, "oauth-code-rejected");
    }

    // ---------------------------------------------------------------- the browser

    private Outcome signIn(LocalCloudClient cloud, String provider, String ticket, Person person) throws Exception {
        return signIn(cloud, URI.create(cloud.httpUrl() + "/auth/oauth/" + provider + (ticket == null ? "" : "?link=" + ticket)), person);
    }

    private Outcome signIn(LocalCloudClient cloud, URI start, Person person) throws Exception {
        HttpResponse<String> started = get(start);
        if (started.statusCode() != 302) return new Outcome(started.statusCode(), Map.of(), null, started.body(), null, null);
        Attempt attempt = attempt(started);
        if (start.getPath().endsWith("/apple")) return followFormPost(postFormAtProvider(attempt, person), attempt.cookie());
        return follow(loginAtProvider(attempt, person), attempt.cookie());
    }

    /** Apple: the login form answers with a page whose form posts code and state to our callback (form_post). */
    private HttpResponse<String> postFormAtProvider(Attempt attempt, Person person) throws Exception {
        assertThat(query(attempt.authorisation().getRawQuery())).containsEntry("response_mode", "form_post");
        HttpResponse<String> page = post(attempt.authorisation(), attempt.authorisation().getRawQuery() + "&person=custom&sub="
                + enc(person.subject()) + "&name=" + enc(person.name()) + "&email=" + enc(person.email())
                + (person.verified() ? "&email_verified=true" : "") + "&decision=allow");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page;
    }

    private Outcome followFormPost(HttpResponse<String> page, String cookie) throws Exception {
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        StringBuilder form = new StringBuilder();
        Matcher field = Pattern.compile("name=\"([a-z_]+)\" value=\"([^\"]*)\"").matcher(page.body());
        while (field.find()) form.append(form.isEmpty() ? "" : "&").append(field.group(1)).append('=').append(enc(field.group(2)));
        URI callback = URI.create(action.group(1).replace("&amp;", "&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (cookie != null) request.header("Cookie", "domus_oauth=" + cookie);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse(null);
        Map<String, String> fragment = location == null || !location.contains("#") ? Map.of() : query(location.substring(location.indexOf('#') + 1));
        return new Outcome(answer.statusCode(), fragment, location, answer.body(), callback, cookie);
    }

    private Attempt begin(LocalCloudClient cloud, URI start) throws Exception {
        HttpResponse<String> started = get(start);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        return attempt(started);
    }

    private static Attempt attempt(HttpResponse<String> started) {
        URI authorisation = URI.create(started.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = query(authorisation.getRawQuery());
        assertThat(query).containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge");
        assertThat(query).doesNotContainKey("code_verifier");
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        boolean apple = authorisation.getPath().startsWith("/apple/");
        assertThat(setCookie).as("Apple posts its answer from its own site").startsWith("domus_oauth=").contains("HttpOnly")
                .contains(apple ? "SameSite=None; Secure" : "SameSite=Lax");
        return new Attempt(authorisation, setCookie.substring("domus_oauth=".length(), setCookie.indexOf(';')), query.get("state"));
    }

    /** Opens the provider's login page, then submits its form as the person: the redirect back to our callback. */
    private URI loginAtProvider(Attempt attempt, Person person) throws Exception {
        HttpResponse<String> page = get(attempt.authorisation());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains("name=\"person\"");
        String form = attempt.authorisation().getRawQuery() + "&person=custom&sub=" + enc(person.subject()) + "&name=" + enc(person.name())
                + "&email=" + enc(person.email()) + (person.verified() ? "&email_verified=true" : "") + "&decision=allow";
        HttpResponse<String> back = post(attempt.authorisation(), form);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        return URI.create(back.headers().firstValue("Location").orElseThrow());
    }

    private Outcome follow(URI callback, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(callback).GET();
        if (cookie != null) request.header("Cookie", "domus_oauth=" + cookie);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse(null);
        Map<String, String> fragment = location == null || !location.contains("#") ? Map.of() : query(location.substring(location.indexOf('#') + 1));
        return new Outcome(answer.statusCode(), fragment, location, answer.body(), callback, cookie);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        URI target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (uri.getPath().contains("_double") && uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
        return http.send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(Outcome outcome, int status, String slug) {
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(status);
        conforms("GET", "/auth/oauth/callback", outcome.asApiResponse());
        assertThat(outcome.problem().path("type").asText()).isEqualTo(PROBLEMS + slug);
    }

    // ---------------------------------------------------------------- accounts

    private static String verifiedPortalAccount(LocalCloudClient cloud) throws InterruptedException {
        String email = "oauth-owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ApiResponse signedUp = cloud.anonymous().post("/portal/signup", json(Map.of("email", email, "password", PASSWORD, "name", "Olga Owner")));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(202);
        JsonNode mail = cloud.awaitOutbox(email, m -> VERIFY_LINK.matcher(m.toString()).find());
        Matcher token = VERIFY_LINK.matcher(mail.toString());
        assertThat(token.find()).isTrue();
        assertThat(cloud.anonymous().post("/auth/verify-email", json(Map.of("token", token.group(1)))).status()).isEqualTo(200);
        return email;
    }

    private static String login(LocalCloudClient cloud, String email) {
        ApiResponse login = cloud.anonymous().post("/auth/login", json(Map.of("email", email, "password", PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("accessToken").asText();
    }

    private static List<String> identities(LocalCloudClient cloud, String email) {
        JsonNode items = cloud.withToken(login(cloud, email)).get("/auth/identities").json().path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.path("provider").asText()).toList();
    }

    private static String doubleUrl(LocalCloudClient cloud) {
        return cloud.cloud().partnerDoubles().get(OidcDouble.NAME);
    }

    private static Map<String, String> query(String raw) {
        return Exchanges.decode(raw);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
