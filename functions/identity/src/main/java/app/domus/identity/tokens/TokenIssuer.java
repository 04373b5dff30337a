package app.domus.identity.tokens;

import app.domus.identity.keys.SigningKeys;
import app.domus.shared.config.Env;
import app.domus.shared.ids.Ids;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Issues the short-lived access tokens that API Gateway's JWT authorizer checks: RS256, the platform's
 * issuer and audience, the user as {@code sub}, the session as {@code sid}, and {@code email_verified} (a boolean, as
 * OpenID Connect names it) so that other contexts can refuse an unverified caller without asking identity. The claim
 * holds what was true when the token was issued: a user who verifies signs in again (or refreshes) to carry it.
 */
@Singleton
public class TokenIssuer {
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private final SigningKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;

    @Inject
    public TokenIssuer(SigningKeys keys, Clock clock) {
        this(keys, clock, Env.orDefault("JWT_ISSUER", "http://127.0.0.1:3000"), Env.orDefault("JWT_AUDIENCE", "domus-app"));
    }

    public TokenIssuer(SigningKeys keys, Clock clock, String issuer, String audience) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String issuer() {
        return issuer;
    }

    public String accessToken(String userId, String email, boolean emailVerified, String sessionId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .claim("email", email)
                .claim("email_verified", emailVerified)
                .claim("sid", sessionId)
                .jwtID(Ids.newId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ACCESS_TOKEN_LIFETIME)))
                .build();
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Token signing failed", e);
        }
        return jwt.serialize();
    }
}
