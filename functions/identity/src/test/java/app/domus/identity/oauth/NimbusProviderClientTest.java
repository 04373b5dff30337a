package app.domus.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.domus.identity.identities.Provider;
import app.domus.identity.oauth.ProviderClient.Person;
import app.domus.shared.config.Env;
import app.domus.shared.http.ApiException;
import app.domus.shared.http.ProblemType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Nimbus client against a provider served from a local HTTP server: discovery, token endpoint, JWKS and Graph /me. */
class NimbusProviderClientTest {
    private static final String CLIENT = "our-client";
    private static final String PUBLIC = "https://api.example.test";

    private HttpServer server;
    private String base;
    private RSAKey key;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger discoveries = new AtomicInteger();
    private NimbusProviderClient client;
    private Map<String, String> env;

    record Answer(int status, String contentType, String body) {}

    record Seen(String path, String query, String body, String authorization) {}

    @BeforeEach
    void startProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::serve);
        server.start();
        answers.put("/.well-known/openid-configuration", new Answer(200, "application/json", """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(base)));
        answers.put("/jwks", new Answer(200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        env = new HashMap<>(Map.of(
                "OAUTH_GOOGLE_CLIENT_ID", CLIENT, "OAUTH_GOOGLE_ISSUER", base,
                "OAUTH_APPLE_CLIENT_ID", CLIENT, "OAUTH_APPLE_ISSUER", base,
                "OAUTH_FACEBOOK_CLIENT_ID", CLIENT, "OAUTH_FACEBOOK_AUTHORIZE_URL", base + "/dialog",
                "OAUTH_FACEBOOK_TOKEN_URL", base + "/fbtoken", "OAUTH_FACEBOOK_GRAPH_URL", base + "/graph"));
        client = new NimbusProviderClient(new OAuthSettings(PUBLIC, PUBLIC + "/app"),
                new ClientSecrets(() -> "{\"google\": \"g-secret\", \"apple\": \"a-secret\", \"facebook\": \"fb-secret\"}"));
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(path, exchange.getRequestURI().getRawQuery(), body, exchange.getRequestHeaders().getFirst("Authorization")));
        if (path.equals("/.well-known/openid-configuration")) discoveries.incrementAndGet();
        Answer answer = answers.getOrDefault(path, new Answer(404, "text/plain", "no"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private <T> T withEnv(Supplier<T> work) {
        return Env.with(env, work);
    }

    private ApiException failure(Supplier<?> work) {
        return catchThrowableOfType(ApiException.class, () -> withEnv(work));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private Seen last(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).reduce((a, b) -> b).orElseThrow();
    }

    private String idToken(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder googleClaims(String nonce) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(base).audience(CLIENT).subject("g-sub-1")
                .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).claim("nonce", nonce)
                .claim("email", "ann@example.com").claim("name", "Ann Example");
    }

    private void tokenAnswer(String idToken) {
        answers.put("/token", new Answer(200, "application/json",
                "{\"access_token\": \"g-at\", \"token_type\": \"Bearer\", \"expires_in\": 3600, \"id_token\": \"" + idToken + "\"}"));
    }

    // --- offers ---

    @Test
    void aProviderIsOfferedOnlyWithAClientIdAndWhereItIs() {
        assertThat(withEnv(() -> client.offers(Provider.GOOGLE))).isTrue();
        assertThat(withEnv(() -> client.offers(Provider.FACEBOOK))).isTrue();

        env.remove("OAUTH_GOOGLE_ISSUER");
        env.put("OAUTH_GOOGLE_AUTHORIZE_URL", base + "/dialog");
        assertThat(withEnv(() -> client.offers(Provider.GOOGLE))).as("OpenID Connect needs its issuer").isFalse();

        env.remove("OAUTH_FACEBOOK_AUTHORIZE_URL");
        env.put("OAUTH_FACEBOOK_ISSUER", base);
        assertThat(withEnv(() -> client.offers(Provider.FACEBOOK))).as("Facebook needs its dialog URL").isFalse();

        env.put("OAUTH_APPLE_CLIENT_ID", " ");
        assertThat(withEnv(() -> client.offers(Provider.APPLE))).as("a blank client id is none").isFalse();
        env.remove("OAUTH_APPLE_CLIENT_ID");
        assertThat(withEnv(() -> client.offers(Provider.APPLE))).isFalse();
    }

    @Test
    void theSettingsReadTheProvidersVariablesAndBuildTheCallback() {
        assertThat(withEnv(() -> OAuthSettings.clientId(Provider.GOOGLE))).contains(CLIENT);
        assertThat(withEnv(() -> OAuthSettings.env(Provider.FACEBOOK, "token_url"))).contains(base + "/fbtoken");
        env.put("OAUTH_FACEBOOK_GRAPH_URL", "   ");
        assertThat(withEnv(() -> OAuthSettings.env(Provider.FACEBOOK, "GRAPH_URL"))).isEmpty();
        assertThat(new OAuthSettings("https://x.test", "https://x.test/app").callbackUrl()).isEqualTo("https://x.test/auth/oauth/callback");

        OAuthSettings fromEnv = Env.with(Map.of("JWT_ISSUER", "https://api.test", "APP_URL", "https://app.test"), OAuthSettings::fromEnv);
        assertThat(fromEnv).isEqualTo(new OAuthSettings("https://api.test", "https://app.test"));
        assertThat(fromEnv.callbackUrl()).isEqualTo("https://api.test/auth/oauth/callback");
    }

    @Test
    void withoutASecretNameTheSecretsAreEmpty() {
        ClientSecrets none = Env.with(Map.of("OAUTH_CLIENT_SECRETS", " "), () -> ClientSecrets.fromEnv(null));
        assertThat(none).isNotNull();
        assertThat(catchThrowableOfType(IllegalStateException.class, () -> none.of(Provider.GOOGLE))).hasMessageContaining("google");
    }

    // --- authorisation URLs ---

    @Test
    void facebooksDialogHasTheCodeFlowWithPkceAndItsScopes() {
        URI url = withEnv(() -> client.authorizationUrl(Provider.FACEBOOK, "st-1", "n-1", "v".repeat(43)));
        assertThat(url.toString()).startsWith(base + "/dialog?");
        Map<String, String> q = query(url);
        assertThat(q).containsEntry("response_type", "code").containsEntry("client_id", CLIENT)
                .containsEntry("redirect_uri", PUBLIC + "/auth/oauth/callback").containsEntry("scope", "email public_profile")
                .containsEntry("state", "st-1").containsEntry("code_challenge_method", "S256").containsKey("code_challenge")
                .doesNotContainKey("nonce");
        assertThat(q.get("code_challenge")).isNotEqualTo("v".repeat(43));
    }

    @Test
    void googlesAuthorisationRequestIsOpenIdConnectWithNonceFromTheDiscoveredEndpoint() {
        URI url = withEnv(() -> client.authorizationUrl(Provider.GOOGLE, "st-2", "n-2", "w".repeat(43)));
        assertThat(url.toString()).startsWith(base + "/authorize?");
        assertThat(query(url)).containsEntry("scope", "openid email profile").containsEntry("nonce", "n-2")
                .containsEntry("state", "st-2").containsEntry("client_id", CLIENT).containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", PUBLIC + "/auth/oauth/callback").doesNotContainKey("response_mode");

        withEnv(() -> client.authorizationUrl(Provider.GOOGLE, "st-3", "n-3", "w".repeat(43)));
        assertThat(discoveries).as("the discovery document is read once").hasValue(1);
    }

    @Test
    void applesAuthorisationRequestAsksForNameAndEmailAsAPostedForm() {
        URI url = withEnv(() -> client.authorizationUrl(Provider.APPLE, "st-4", "n-4", "x".repeat(43)));
        assertThat(query(url)).containsEntry("scope", "openid email name").containsEntry("response_mode", "form_post")
                .containsEntry("nonce", "n-4");
    }

    @Test
    void aProviderWithoutClientIdIsNotFound() {
        env.remove("OAUTH_FACEBOOK_CLIENT_ID");
        ApiException e = failure(() -> client.authorizationUrl(Provider.FACEBOOK, "s", "n", "v".repeat(43)));
        assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void anIssuerWithoutDiscoveryDocumentIsUnavailable() {
        env.put("OAUTH_GOOGLE_ISSUER", base + "/nothing-here");
        ApiException e = failure(() -> client.authorizationUrl(Provider.GOOGLE, "s", "n", "v".repeat(43)));
        assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
    }

    // --- Facebook: code exchange and Graph /me ---

    @Test
    void facebookExchangesTheCodeWithTheSecretInTheFormAndReadsMeWithTheProof() {
        answers.put("/fbtoken", new Answer(200, "application/json", "{\"access_token\": \"fb-at\", \"token_type\": \"bearer\"}"));
        answers.put("/graph/me", new Answer(200, "application/json", "{\"id\": \"fb-42\", \"name\": \"Bo\", \"email\": \"bo@example.com\"}"));

        Person person = withEnv(() -> client.identify(Provider.FACEBOOK, "the-code", "v".repeat(43), "ignored"));

        assertThat(person).isEqualTo(new Person("fb-42", "bo@example.com", true, "Bo"));
        Map<String, String> exchange = form(last("/fbtoken").body());
        assertThat(exchange).containsEntry("client_secret", "fb-secret").containsEntry("client_id", CLIENT)
                .containsEntry("code", "the-code").containsEntry("code_verifier", "v".repeat(43))
                .containsEntry("redirect_uri", PUBLIC + "/auth/oauth/callback").containsEntry("grant_type", "authorization_code");
        Map<String, String> me = form(last("/graph/me").query());
        assertThat(me).containsEntry("fields", "id,name,email").containsEntry("access_token", "fb-at")
                .containsEntry("appsecret_proof", NimbusProviderClient.hmacSha256Hex("fb-secret", "fb-at"));
    }

    @Test
    void aFacebookPersonWithoutAddressHasNoVerifiedAddress() {
        answers.put("/fbtoken", new Answer(200, "application/json", "{\"access_token\": \"fb-at\", \"token_type\": \"bearer\"}"));
        answers.put("/graph/me", new Answer(200, "application/json", "{\"id\": \"fb-43\"}"));
        assertThat(withEnv(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")))
                .isEqualTo(new Person("fb-43", null, false, null));
    }

    @Test
    void aTokenAnswerThatIsNotATokenResponseIsUnavailable() {
        answers.put("/fbtoken", new Answer(200, "application/json", "{\"foo\": 1}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(seen.stream().noneMatch(x -> x.path().startsWith("/graph"))).isTrue();
    }

    @Test
    void anOAuthErrorIsARefusalOrUnavailableByItsStatus() {
        answers.put("/fbtoken", new Answer(400, "application/json", "{\"error\": \"invalid_grant\"}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.OAUTH_CODE_REJECTED);
        answers.put("/fbtoken", new Answer(500, "application/json", "{\"error\": \"server_error\"}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void facebooksGraphErrorForACodeIsARefusalNotAnOutage() {
        // Graph API's own error shape, as Facebook answers an expired or reused code
        answers.put("/fbtoken", new Answer(400, "application/json",
                "{\"error\": {\"message\": \"This authorization code has expired.\", \"type\": \"OAuthException\", \"code\": 100}}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.OAUTH_CODE_REJECTED);
        answers.put("/fbtoken", new Answer(401, "text/plain", "denied"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.OAUTH_CODE_REJECTED);
        answers.put("/fbtoken", new Answer(503, "application/json", "{\"error\": {\"message\": \"busy\"}}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(seen.stream().noneMatch(x -> x.path().startsWith("/graph"))).isTrue();
    }

    @Test
    void aGraphThatFailsOrAnswersWithoutIdIsUnavailable() {
        answers.put("/fbtoken", new Answer(200, "application/json", "{\"access_token\": \"fb-at\", \"token_type\": \"bearer\"}"));
        answers.put("/graph/me", new Answer(500, "application/json", "{\"id\": \"fb-44\"}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
        answers.put("/graph/me", new Answer(201, "application/json", "{\"id\": \"fb-44\"}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
        answers.put("/graph/me", new Answer(200, "application/json", "{\"name\": \"No Id\"}"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
        answers.put("/graph/me", new Answer(200, "application/json", "not json {"));
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void anUnreachableProviderIsUnavailable() {
        server.stop(0);
        assertThat(failure(() -> client.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void withoutAClientSecretTheSignInIsUnavailable() {
        NimbusProviderClient noSecrets = new NimbusProviderClient(new OAuthSettings(PUBLIC, PUBLIC + "/app"), new ClientSecrets(() -> "{}"));
        ApiException e = catchThrowableOfType(ApiException.class, () -> withEnv(() -> noSecrets.identify(Provider.FACEBOOK, "c", "v".repeat(43), "n")));
        assertThat(e.type()).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(seen).as("nothing is sent without a secret").isEmpty();
    }

    // --- Google: code exchange and the ID token ---

    @Test
    void googleExchangesTheCodeWithBasicAuthAndTheCheckedIdTokenNamesThePerson() throws Exception {
        tokenAnswer(idToken(googleClaims("n-9").claim("email_verified", true)));

        Person person = withEnv(() -> client.identify(Provider.GOOGLE, "g-code", "v".repeat(43), "n-9"));

        assertThat(person).isEqualTo(new Person("g-sub-1", "ann@example.com", true, "Ann Example"));
        Seen exchange = last("/token");
        assertThat(exchange.authorization()).startsWith("Basic ");
        assertThat(form(exchange.body())).containsEntry("code", "g-code").containsEntry("code_verifier", "v".repeat(43))
                .doesNotContainKey("client_secret");
    }

    @Test
    void emailVerifiedMayBeAStringAndIsFalseWhenAbsentOrFalse() throws Exception {
        tokenAnswer(idToken(googleClaims("n-1").claim("email_verified", "true")));
        assertThat(withEnv(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-1")).emailVerified()).isTrue();
        tokenAnswer(idToken(googleClaims("n-2").claim("email_verified", false)));
        assertThat(withEnv(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-2")).emailVerified()).isFalse();
        tokenAnswer(idToken(googleClaims("n-3")));
        assertThat(withEnv(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-3")).emailVerified()).isFalse();
        assertThat(discoveries).as("discovery and validator are kept").hasValue(1);
        assertThat(seen.stream().filter(s -> s.path().equals("/jwks")).count()).isEqualTo(1);
    }

    @Test
    void anIdTokenForAnotherNonceOrAudienceIsRefused() throws Exception {
        tokenAnswer(idToken(googleClaims("other-nonce")));
        assertThat(failure(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-5")).type()).isEqualTo(ProblemType.OAUTH_ID_TOKEN_INVALID);
        tokenAnswer(idToken(googleClaims("n-6").audience("someone-else")));
        assertThat(failure(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-6")).type()).isEqualTo(ProblemType.OAUTH_ID_TOKEN_INVALID);
    }

    @Test
    void anIssuerThatDoesNotServeItsKeysIsUnavailable() throws Exception {
        answers.remove("/jwks");
        tokenAnswer(idToken(googleClaims("n-7")));
        assertThat(failure(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n-7")).type()).isEqualTo(ProblemType.UNAVAILABLE);
    }

    @Test
    void googleRefusingTheCodeIsARefusal() {
        answers.put("/token", new Answer(400, "application/json", "{\"error\": \"invalid_grant\"}"));
        assertThat(failure(() -> client.identify(Provider.GOOGLE, "c", "v".repeat(43), "n")).type()).isEqualTo(ProblemType.OAUTH_CODE_REJECTED);
    }
}
