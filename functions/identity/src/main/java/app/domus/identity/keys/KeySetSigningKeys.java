package app.domus.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.function.Supplier;

/** Signing keys read from a JWK set document (with private keys), re-read when its source changes. */
public final class KeySetSigningKeys implements SigningKeys {
    private final Supplier<String> source;
    private String lastDocument;
    private JWKSet keys;

    public KeySetSigningKeys(Supplier<String> source) {
        this.source = source;
    }

    /** A fresh in-memory key, for a function run with no key parameter configured (tests, one-off runs). */
    public static KeySetSigningKeys generated() {
        String document = new JWKSet(generateKey()).toString(false);
        return new KeySetSigningKeys(() -> document);
    }

    public static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private synchronized JWKSet current() {
        String document = source.get();
        if (!document.equals(lastDocument)) {
            try {
                keys = JWKSet.parse(document);
            } catch (ParseException e) {
                throw new IllegalStateException("The signing key parameter is not a JWK set");
            }
            if (keys.getKeys().isEmpty() || !(keys.getKeys().get(0) instanceof RSAKey first) || !first.isPrivate()) {
                throw new IllegalStateException("The signing key set must start with a private RSA key");
            }
            lastDocument = document;
        }
        return keys;
    }

    @Override
    public RSAKey signingKey() {
        return (RSAKey) current().getKeys().get(0);
    }

    @Override
    public JWKSet publicKeys() {
        return new JWKSet(current().getKeys().stream().map(JWK::toPublicJWK).toList());
    }
}
