package app.domus.realtime.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Checks a platform access token as the HTTP API's JWT authorizer does: an RS256 signature by one of the
 * platform's keys, the platform's issuer and audience, and an expiry that has not passed.
 */
public final class AccessTokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public AccessTokenVerifier(PublishedKeys keys, String issuer, String audience, Clock clock) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                (selector, context) -> selector.select(keys.current())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
    }

    /** The token's subject, the user it was issued to; {@link Unauthorized} for any token that fails a check. */
    public String userId(String token) {
        if (token == null || token.isBlank()) throw new Unauthorized();
        try {
            return processor.process(token, null).getSubject();
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new Unauthorized();
        }
    }
}
