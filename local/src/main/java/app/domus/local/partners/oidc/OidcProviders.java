package app.domus.local.partners.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The providers' state: one registered client each (id and secret), one signing key each (RS256, in the JWKS), the
 * authorisation codes issued (single use, 60 seconds, bound to the client, the redirect URI and the PKCE challenge; a
 * code presented again is refused and the tokens it gave are revoked, as Google does), the access tokens (Facebook's
 * Graph API reads them), and the ID-token tampering asked for through the controls.
 */
public final class OidcProviders {
    public static final List<String> PROVIDERS = List.of("google", "apple", "facebook");
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    public enum Tamper { SIGNATURE, ISSUER, AUDIENCE, EXPIRED, NONCE, KEY }

    public record Client(String provider, String clientId, String clientSecret) {}

    /** Who the tester signed in as on the login page. */
    public record Person(String subject, String name, String email, boolean emailVerified) {}

    static final class Code {
        final String provider, clientId, redirectUri, challenge, nonce;
        final Person person;
        final Instant expires;
        int exchanges;
        final List<String> accessTokens = new ArrayList<>();

        Code(String provider, String clientId, String redirectUri, String challenge, String nonce, Person person, Instant expires) {
            this.provider = provider;
            this.clientId = clientId;
            this.redirectUri = redirectUri;
            this.challenge = challenge;
            this.nonce = nonce;
            this.person = person;
            this.expires = expires;
        }
    }

    private final String baseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new LinkedHashMap<>();
    /** Signing keys, made when first needed: a 2048-bit RSA key takes about half a second, and most starts sign nothing. */
    private final Map<String, RSAKey> keys = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> keyIds = new LinkedHashMap<>();
    private volatile RSAKey strangerKey;
    private final Map<String, Code> codes = new LinkedHashMap<>();
    private final Map<String, Person> accessTokens = new LinkedHashMap<>();
    private final Deque<Tamper> tampering = new ArrayDeque<>();
    private final List<Map<String, Object>> log = new ArrayList<>();

    OidcProviders(String baseUrl, Clock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
        for (String provider : PROVIDERS) {
            clients.put(provider, new Client(provider, "domus-" + provider + "-client", secret(24)));
            keyIds.put(provider, provider + "-" + secret(6));
        }
    }

    private RSAKey key(String provider) {
        if (!keyIds.containsKey(provider)) throw new IllegalArgumentException("No provider " + provider);
        return keys.computeIfAbsent(provider, p -> newKey(keyIds.get(p)));
    }

    /** A key the provider never published, under the id of Google's: what a forged token is signed with. */
    private synchronized RSAKey strangerKey() {
        if (strangerKey == null) strangerKey = newKey(keyIds.get("google"));
        return strangerKey;
    }

    private static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("No RSA key could be made", e);
        }
    }

    public String issuer(String provider) {
        return baseUrl + "/" + provider;
    }

    public Client client(String provider) {
        return clients.get(provider);
    }

    public Map<String, Client> clients() {
        return Map.copyOf(clients);
    }

    String jwks(String provider) {
        return new JWKSet(key(provider).toPublicJWK()).toString();
    }

    synchronized String issueCode(String provider, String clientId, String redirectUri, String challenge, String nonce, Person person) {
        String code = secret(24);
        codes.put(code, new Code(provider, clientId, redirectUri, challenge, nonce, person, clock.instant().plus(CODE_LIFETIME)));
        record("code", provider, person.email());
        return code;
    }

    /** The outcome of a token request: the tokens' JSON fields, or an OAuth error and its HTTP status. */
    record Exchange(int status, Map<String, Object> body) {}

    synchronized Exchange exchange(String provider, String clientId, String clientSecret, String code, String redirectUri, String verifier) {
        Client client = clients.get(provider);
        if (!client.clientId().equals(clientId) || !client.clientSecret().equals(clientSecret)) {
            return error(401, "invalid_client", "The client is not known or its secret is wrong");
        }
        Code issued = code == null ? null : codes.get(code);
        if (issued == null || !issued.provider.equals(provider) || !issued.clientId.equals(clientId)) {
            return error(400, "invalid_grant", "Malformed auth code.");
        }
        if (issued.exchanges > 0) {
            // A code seen twice was intercepted or replayed: refuse it, and revoke what its first exchange gave.
            issued.exchanges++;
            issued.accessTokens.forEach(accessTokens::remove);
            record("code-replayed", provider, issued.person.email());
            return error(400, "invalid_grant", "Bad Request: the code was already redeemed.");
        }
        issued.exchanges++;
        if (issued.expires.isBefore(clock.instant())) return error(400, "invalid_grant", "The code has expired.");
        if (!issued.redirectUri.equals(redirectUri)) return error(400, "invalid_grant", "redirect_uri_mismatch");
        if (verifier == null || !s256(verifier).equals(issued.challenge)) return error(400, "invalid_grant", "Missing or wrong code verifier.");
        String accessToken = secret(32);
        accessTokens.put(accessToken, issued.person);
        issued.accessTokens.add(accessToken);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        if (provider.equals("facebook")) {
            body.put("token_type", "bearer");
            body.put("expires_in", 5_183_944);
        } else {
            body.put("token_type", "Bearer");
            body.put("expires_in", 3599);
            body.put("scope", "openid email profile");
            body.put("id_token", idToken(provider, clientId, issued));
        }
        record("exchanged", provider, issued.person.email());
        return new Exchange(200, body);
    }

    synchronized Person graphPerson(String accessToken) {
        return accessToken == null ? null : accessTokens.get(accessToken);
    }

    synchronized void tamper(Tamper kind, int count) {
        for (int i = 0; i < count; i++) tampering.add(kind);
    }

    synchronized List<Tamper> pendingTampering() {
        return List.copyOf(tampering);
    }

    synchronized void clearTampering() {
        tampering.clear();
    }

    synchronized List<Map<String, Object>> log() {
        return List.copyOf(log);
    }

    private String idToken(String provider, String clientId, Code code) {
        Tamper tamper = tampering.poll();
        Instant now = clock.instant();
        Person person = code.person;
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tamper == Tamper.ISSUER ? baseUrl + "/evil" : issuer(provider))
                .subject(person.subject())
                .audience(tamper == Tamper.AUDIENCE ? "someone-else" : clientId)
                .issueTime(Date.from(tamper == Tamper.EXPIRED ? now.minus(Duration.ofHours(2)) : now))
                .expirationTime(Date.from(tamper == Tamper.EXPIRED ? now.minus(Duration.ofHours(1)) : now.plus(Duration.ofHours(1))))
                .claim("nonce", tamper == Tamper.NONCE ? "not-" + code.nonce : code.nonce)
                .claim("name", person.name());
        if (person.email() != null) {
            claims.claim("email", person.email());
            // Apple sends email_verified as a string, Google as a boolean.
            claims.claim("email_verified", provider.equals("apple") ? Boolean.toString(person.emailVerified()) : person.emailVerified());
        }
        RSAKey key = tamper == Tamper.KEY ? strangerKey() : key(provider);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            String serialized = jwt.serialize();
            if (tamper == Tamper.SIGNATURE) {
                // Changes a claim after signing: the signature no longer matches the payload.
                String[] parts = serialized.split("\\.");
                String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(person.subject(), person.subject() + "-forged");
                serialized = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            }
            if (tamper != null) record("tampered-" + tamper.name().toLowerCase(Locale.ROOT), provider, person.email());
            return serialized;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Exchange error(int status, String error, String description) {
        return new Exchange(status, Map.of("error", error, "error_description", description));
    }

    private void record(String what, String provider, String email) {
        log.add(Map.of("at", clock.instant().toString(), "what", what, "provider", provider, "email", String.valueOf(email)));
        if (log.size() > 200) log.remove(0);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
