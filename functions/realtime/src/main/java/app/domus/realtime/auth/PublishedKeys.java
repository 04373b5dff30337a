package app.domus.realtime.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.function.Supplier;

/**
 * The public halves of the platform's token signing keys, read from the same JWK set document the identity
 * functions sign with, and parsed again only when the document changes (a key rotation).
 */
public final class PublishedKeys {
    private final Supplier<String> source;
    private String lastDocument;
    private JWKSet publicKeys;

    public PublishedKeys(Supplier<String> source) {
        this.source = source;
    }

    public synchronized JWKSet current() {
        String document = source.get();
        if (!document.equals(lastDocument)) {
            try {
                publicKeys = JWKSet.parse(document).toPublicJWKSet();
            } catch (ParseException e) {
                throw new IllegalStateException("The signing key parameter is not a JWK set");
            }
            lastDocument = document;
        }
        return publicKeys;
    }
}
