package app.domus.identity.oauth;

import app.domus.identity.identities.Provider;
import java.net.URI;

/**
 * The sign-in providers as the OAuth sign-in needs them: where to send the browser, and who came back. Failures are
 * {@link app.domus.shared.http.ApiException}s: a refused code {@code oauth-code-rejected}, an ID token that fails its
 * checks {@code oauth-id-token-invalid}, a provider down or answering garbage {@code unavailable}.
 */
public interface ProviderClient {

    /** Whether the provider is configured (has a client id); one that is not is 404. */
    boolean offers(Provider provider);

    /** The provider's authorisation URL: code flow, {@code state}, {@code nonce} (OpenID Connect), PKCE S256 of {@code codeVerifier}. */
    URI authorizationUrl(Provider provider, String state, String nonce, String codeVerifier);

    /** Exchanges the code (with the PKCE verifier) and reads the person: the verified ID token's claims, or the Graph API's {@code /me}. */
    Person identify(Provider provider, String code, String codeVerifier, String nonce);

    /** Who signed in: the provider's stable subject, and the e-mail address with whether the provider vouches for it. */
    record Person(String subject, String email, boolean emailVerified, String name) {}
}
