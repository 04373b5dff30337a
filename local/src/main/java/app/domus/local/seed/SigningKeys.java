package app.domus.local.seed;

import app.domus.local.aws.ParameterStore;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform's JWT signing keys in the local SSM parameter: created on the first start (an RSA-2048 JWK set with
 * private keys, as the platform's key rotation writes it), kept across restarts so issued tokens stay valid, and used
 * to mint tokens for demo users.
 */
public final class SigningKeys {
    private final RSAKey currentKey;

    private SigningKeys(RSAKey currentKey) {
        this.currentKey = currentKey;
    }

    public static SigningKeys ensure(ParameterStore parameters, String parameterName) {
        String stored = parameters.get(parameterName).map(ParameterStore.Parameter::value).orElse(null);
        try {
            if (stored == null) {
                RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256).issueTime(new Date()).generate();
                parameters.put(parameterName, "SecureString", new JWKSet(key).toString(false), false);
                return new SigningKeys(key);
            }
            return new SigningKeys(JWKSet.parse(stored).getKeys().getFirst().toRSAKey());
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot read or create the signing keys in SSM parameter " + parameterName, e);
        }
    }

    /** A token as the platform's login would issue it: the given claims plus issuer, audience, times and an id. */
    public String mint(Map<String, Object> claims, String issuer, List<String> audience, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(currentKey.getKeyID()).build(), builder.build());
        try {
            jwt.sign(new RSASSASigner(currentKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
