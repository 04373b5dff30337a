package app.domus.local.http;

import app.domus.local.json.Json;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API Gateway's JWT authorizer: the token from the identity source (a {@code Bearer} prefix is dropped), its RS256
 * signature checked against the issuer's JWKS (found through {@code /.well-known/openid-configuration}), its
 * {@code iss} equal to the configured issuer, its {@code aud} (or else {@code client_id}) one of the audiences, and
 * {@code exp}/{@code nbf} honoured.
 */
public final class JwtAuthorizer {
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Duration KEYS_KEPT = Duration.ofMinutes(5);
    private static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(5);

    private final String identityHeader;
    private final String issuer;
    private final List<String> audiences;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JWKSet keys;
    private Instant keysFetchedAt = Instant.EPOCH;

    /** What the authorizer decided. {@code status} is 0 when the request may go on with {@code claims} and {@code scopes}. */
    public record Decision(int status, Map<String, String> claims, List<String> scopes, String problem) {
        static Decision denied(int status, String problem) {
            return new Decision(status, Map.of(), List.of(), problem);
        }

        public boolean allowed() {
            return status == 0;
        }
    }

    public JwtAuthorizer(String identitySource, String issuer, List<String> audiences) {
        this.identityHeader = identitySource.replace("$request.header.", "");
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
    }

    public Decision authorize(String identityHeaderValue, List<String> requiredScopes) {
        if (identityHeaderValue == null || identityHeaderValue.isBlank()) return Decision.denied(401, "no " + identityHeader + " header");
        String token = identityHeaderValue.regionMatches(true, 0, "Bearer ", 0, 7) ? identityHeaderValue.substring(7).trim() : identityHeaderValue.trim();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!RSA_ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) return Decision.denied(401, "algorithm " + jwt.getHeader().getAlgorithm() + " is not RSA");
            RSAKey key = signingKey(jwt.getHeader().getKeyID());
            if (key == null) return Decision.denied(401, "no key " + jwt.getHeader().getKeyID() + " in the issuer's JWKS");
            JWSVerifier verifier = new RSASSAVerifier(key);
            if (!jwt.verify(verifier)) return Decision.denied(401, "bad signature");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String problem = claimProblem(claims);
            if (problem != null) return Decision.denied(401, problem);
            List<String> tokenScopes = scopes(claims);
            if (!requiredScopes.isEmpty() && requiredScopes.stream().noneMatch(tokenScopes::contains)) {
                return Decision.denied(403, "none of the scopes " + requiredScopes);
            }
            return new Decision(0, stringClaims(claims), tokenScopes, null);
        } catch (Exception e) {
            return Decision.denied(401, "invalid token: " + e.getMessage());
        }
    }

    public String identityHeader() {
        return identityHeader;
    }

    private String claimProblem(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) return "issuer " + claims.getIssuer() + " is not " + issuer;
        List<String> tokenAudiences = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        boolean audienceOk = tokenAudiences.isEmpty()
                ? clientId != null && audiences.contains(String.valueOf(clientId))
                : tokenAudiences.stream().anyMatch(audiences::contains);
        if (!audienceOk) return "audience " + tokenAudiences + " is not one of " + audiences;
        Date now = new Date();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) return "the token has expired";
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) return "the token is not valid yet";
        return null;
    }

    private synchronized RSAKey signingKey(String keyId) throws Exception {
        Instant now = Instant.now();
        boolean stale = now.isAfter(keysFetchedAt.plus(KEYS_KEPT));
        boolean unknownKey = keys != null && keys.getKeyByKeyId(keyId) == null && now.isAfter(keysFetchedAt.plus(REFETCH_AT_MOST_EVERY));
        if (keys == null || stale || unknownKey) {
            keys = fetchKeys();
            keysFetchedAt = now;
        }
        JWK key = keyId == null ? (keys.getKeys().size() == 1 ? keys.getKeys().getFirst() : null) : keys.getKeyByKeyId(keyId);
        return key instanceof RSAKey rsaKey ? rsaKey : null;
    }

    private JWKSet fetchKeys() throws Exception {
        String discovery = get(issuer + "/.well-known/openid-configuration");
        String jwksUri = Json.read(discovery).path("jwks_uri").asText(issuer + "/.well-known/jwks.json");
        return JWKSet.parse(get(jwksUri));
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " answered " + response.statusCode());
        return response.body();
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (scope == null) scope = claims.getClaim("scp");
        if (scope instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        if (scope instanceof String text && !text.isBlank()) return List.of(text.trim().split("\\s+"));
        return List.of();
    }

    /** Claims as API Gateway passes them: every value a string, arrays as {@code [a b]}. */
    private static Map<String, String> stringClaims(JWTClaimsSet claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.toJSONObject().forEach((key, value) -> strings.put(key, switch (value) {
            case List<?> list -> "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
            case Map<?, ?> map -> Json.write(map);
            default -> String.valueOf(value);
        }));
        return strings;
    }
}
