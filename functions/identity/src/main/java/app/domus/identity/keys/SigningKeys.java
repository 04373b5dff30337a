package app.domus.identity.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA keys that sign access tokens. API Gateway's JWT authorizer accepts RSA signatures only, hence
 * RS256. The first key of the set signs; every public key is published, so a key can be rotated in
 * ahead of use and retired after the last token it signed has expired.
 */
public interface SigningKeys {
    RSAKey signingKey();

    JWKSet publicKeys();
}
